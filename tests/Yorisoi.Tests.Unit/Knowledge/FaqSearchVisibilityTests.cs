using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Unit.Text;

namespace Yorisoi.Tests.Unit.Knowledge;

/// <summary>Which entries each kind of caller finds: the FaqEntry query filter's rule, applied in the index.</summary>
public sealed class FaqSearchVisibilityTests
{
    private static readonly Guid CenterA = Guid.Parse("0195f000-0000-7000-8000-0000000000a1");
    private static readonly Guid CenterB = Guid.Parse("0195f000-0000-7000-8000-0000000000b1");

    [Fact]
    public void EachCallerFindsExactlyTheEntriesTheFilterAllows()
    {
        using var index = new FaqSearchIndex(MeCabFixture.Analyzer, CodeListCatalog.LoadEmbedded().Current, FaqCategories.LoadEmbedded());
        index.Replace(
        [
            Entry("public-national", FaqAudience.Public, null, ["internal-national"]),
            Entry("internal-national", FaqAudience.Internal, null, ["local-a", "local-b"]),
            Entry("local-a", FaqAudience.Internal, CenterA, []),
            Entry("local-b", FaqAudience.Internal, CenterB, []),
        ]);

        string[] Found(FaqVisibility v) => [.. index.Search(new FaqIndexQuery("ぬかどこ頒布会", v, Limit: 10)).Hits.Select(h => h.Entry.Id).Order(StringComparer.Ordinal)];
        string[] Suggested(FaqVisibility v) => [.. index.Suggest("ぬかどこ頒布会を解約したい", v, 10).Select(h => h.Entry.Id).Order(StringComparer.Ordinal)];

        var anonymous = FaqSearchService.VisibilityOf(new AccessScope());
        var staffA = FaqSearchService.VisibilityOf(AccessScope.ForUser(Guid.NewGuid(), "a", CenterA));
        var system = FaqSearchService.VisibilityOf(AccessScope.System());

        Assert.Equal(["public-national"], Found(anonymous));
        Assert.Equal(["internal-national", "local-a", "public-national"], Found(staffA));
        Assert.Equal(["internal-national", "local-a", "local-b", "public-national"], Found(system));

        // Linked entries are added to suggestions only where the caller may see them.
        Assert.Equal(["public-national"], Suggested(anonymous));
        Assert.Equal(["internal-national", "local-a", "public-national"], Suggested(staffA));
    }

    private static FaqIndexEntry Entry(string id, FaqAudience audience, Guid? owner, string[] related) =>
        new(id, audience, owner, "teiki-kounyu", "ぬかどこ頒布会の解約は？", "", "頒布会の解約について。", [], [], [], [], related, 1);
}
