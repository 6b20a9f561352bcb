using System.Text;
using Yorisoi.Core.Assistance;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.CodeLists;

namespace Yorisoi.Tests.Unit.Assistance;

public sealed class ChecklistCatalogTests
{
    private static readonly ChecklistCatalog Shipped = ChecklistCatalog.LoadEmbedded();

    private static List<string> Ids(AssistCaseFields fields) => [.. Shipped.For(fields).Select(c => c.Id)];

    [Fact]
    public void TheBasicChecklistAlwaysAppliesFirst()
    {
        Assert.Equal(["basic"], Ids(AssistCaseFields.Empty));
        Assert.Equal("basic", Ids(new AssistCaseFields { SalesForm = "S2" })[0]);
    }

    [Theory]
    [InlineData("S2", null, null, "houmon-hanbai")]
    [InlineData("S5", null, null, "denwa-kanyu")]
    [InlineData("S3", null, null, "tsuhan")]
    [InlineData(null, "1303", null, "koji-tenken")] // a two-digit condition (13) takes every code of the group
    [InlineData(null, "1309", null, "koji-tenken")]
    [InlineData(null, "2102", null, "tokutei-keizoku")]
    [InlineData(null, null, "K0208", "teiki-kounyu")]
    [InlineData(null, null, "K0214", "kakuu-seikyu")]
    public void AChecklistAppliesWhenOneOfItsConditionsMatches(string? salesForm, string? product, string? keyword, string expected)
    {
        var fields = new AssistCaseFields { SalesForm = salesForm, Product = product, Keywords = keyword is null ? null : [keyword] };

        Assert.Contains(expected, Ids(fields));
    }

    [Fact]
    public void AgeBandAndHarmBringTheirChecklists()
    {
        Assert.Contains("miseinen", Ids(new AssistCaseFields { AgeBand = "A1" }));
        Assert.Contains("koureisha", Ids(new AssistCaseFields { AgeBand = "A8" }));
        Assert.DoesNotContain("koureisha", Ids(new AssistCaseFields { AgeBand = "A4" }));
        Assert.Contains("kiken", Ids(new AssistCaseFields { Harm = "H105" }));
        Assert.DoesNotContain("kiken", Ids(new AssistCaseFields { Harm = "H0" }));
    }

    [Fact]
    public void ItemsTickOffWhenTheirFieldsAreFilledAndTheChecklistSaysWhyItApplies()
    {
        var open = Shipped.For(new AssistCaseFields { SalesForm = "S2" }).Single(c => c.Id == "houmon-hanbai");
        var filled = Shipped.For(new AssistCaseFields { SalesForm = "S2", DocumentReceivedDate = new DateOnly(2026, 11, 28), PaymentMethod = "P05" })
            .Single(c => c.Id == "houmon-hanbai");

        Assert.Equal("salesForm:S2", open.Reason);
        Assert.All(open.Items, i => Assert.False(i.Done));
        Assert.True(filled.Items.Single(i => i.Id == "document-date").Done);
        Assert.True(filled.Items.Single(i => i.Id == "credit-company").Done);
        Assert.False(filled.Items.Single(i => i.Id == "who-present").Done);
        Assert.Equal(Shipped.Version, filled.Version);
    }

    [Fact]
    public void AnyOfPhoneAddressOrUrlAnswersTheBusinessContactItem()
    {
        bool Done(AssistCaseFields f) => Shipped.For(f).Single(c => c.Id == "basic").Items.Single(i => i.Id == "business-contact").Done;

        Assert.False(Done(AssistCaseFields.Empty));
        Assert.True(Done(new AssistCaseFields { BusinessPhone = "03-0000-0000" }));
        Assert.True(Done(new AssistCaseFields { BusinessUrl = "https://example.jp" }));
        Assert.False(Done(new AssistCaseFields { BusinessUrl = "  " }));
    }

    [Fact]
    public void EveryShippedConditionIsACodeOfItsList()
    {
        var codes = CodeListCatalog.LoadEmbedded().Current;
        foreach (var checklist in Shipped.All)
        {
            Assert.All(checklist.SalesForms, c => Assert.True(codes.IsValid(CodeListNames.SalesForm, c), c));
            Assert.All(checklist.Products, c => Assert.True(codes.IsValid(CodeListNames.Product, c), c));
            Assert.All(checklist.Keywords, c => Assert.True(codes.IsValid(CodeListNames.Keyword, c), c));
            Assert.All(checklist.AgeBands, c => Assert.True(codes.IsValid(CodeListNames.AgeBand, c), c));
            Assert.All(checklist.Harms, c => Assert.True(codes.IsValid(CodeListNames.Harm, c), c));
        }
    }

    [Theory]
    [InlineData("""{"checklists":[]}""", "version")]
    [InlineData("""{"version":"1","checklists":[{"id":"a","title":"A","items":[]}]}""", "\"a\" has no items")]
    [InlineData("""{"version":"1","checklists":[{"id":"a","title":"A","items":[{"id":"x","text":"X"}]},{"id":"a","title":"B","items":[{"id":"y","text":"Y"}]}]}""", "used twice")]
    [InlineData("""{"version":"1","checklists":[{"id":"a","title":"A","items":[{"id":"x","text":"X","field":"shoeSize"}]}]}""", "unknown field \"shoeSize\"")]
    public void BadChecklistDataIsRefusedWithWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ChecklistCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
