using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;

namespace Yorisoi.Tests.Integration.Cases;

/// <summary>Linking knowledge-base entries to a case: what the candidates panel's one click does.</summary>
public abstract class CaseFaqLinkTests(AppFixture app)
{
    private static string PublicId => KnowledgeWorld.FirstShipped(FaqAudience.Public);

    private static string InternalId => KnowledgeWorld.FirstShipped(FaqAudience.Internal);

    [Fact]
    public async Task LinkingAnEntryKeepsTheCaseVersionAndIsListedOnceWithItsHistory()
    {
        var subject = await app.RegisterAsync(app.World.CounselorA);
        var client = await app.ClientAsync(app.World.CounselorA);

        using var first = await client.PostJsonAsync($"/api/cases/{subject.Id}/faq-links", new { entryId = PublicId });
        await first.ExpectAsync(HttpStatusCode.OK);
        using var again = await client.PostJsonAsync($"/api/cases/{subject.Id}/faq-links", new { entryId = PublicId });
        await again.ExpectAsync(HttpStatusCode.OK);
        using var second = await client.PostJsonAsync($"/api/cases/{subject.Id}/faq-links", new { entryId = InternalId });
        var links = await second.ReadAsync<List<CaseFaqLinkItem>>();

        Assert.Equal([PublicId, InternalId], links.Select(l => l.EntryId));
        Assert.Equal(KnowledgeWorld.ShippedEntries.Single(d => d.Id == PublicId).Question, links[0].Question);
        Assert.All(links, l => Assert.Equal(1, l.EntryVersion));
        var stored = await app.LoadCaseAsync(subject.Id);
        Assert.Equal(subject.Version, stored.Version);
        var history = await app.AsSystemAsync(db => db.CaseChanges.Where(c => c.CaseId == subject.Id && c.Kind == CaseChangeKind.FaqLinked).Select(c => c.Comment).ToListAsync());
        Assert.Equal([PublicId, InternalId], history);
    }

    [Fact]
    public async Task EditorsSeeHowManyCasesEachVersionWasLinkedTo()
    {
        var before = await LinkCountAsync(InternalId);
        foreach (var counselor in new[] { app.World.CounselorA, app.World.CounselorB })
        {
            var subject = await app.RegisterAsync(counselor);
            await app.AsUserAsync(counselor, s => s.LinkFaqAsync(subject.Id, InternalId));
        }

        // Counted at every center: center A's editor learns the entry helped twice, not which cases.
        Assert.Equal(before + 2, await LinkCountAsync(InternalId));
    }

    private async Task<int> LinkCountAsync(string entryId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Yorisoi.Core.Security.AccessScope>().BecomeUser(app.World.SupervisorA.Id, app.World.SupervisorA.DisplayName, app.World.SupervisorA.CenterId);
        var stats = await scope.ServiceProvider.GetRequiredService<KnowledgeReports>().StatsAsync(entryId);
        return stats.Where(s => s.Version == 1).Sum(s => s.CaseLinks);
    }

    [Fact]
    public async Task UnlinkingRemovesTheLinkAndAnUnknownLinkIsNotFound()
    {
        var subject = await app.RegisterAsync(app.World.CounselorA);
        var client = await app.ClientAsync(app.World.CounselorA);
        using (await client.PostJsonAsync($"/api/cases/{subject.Id}/faq-links", new { entryId = PublicId }))
        {
        }

        using var removed = await client.DeleteAsync($"/api/cases/{subject.Id}/faq-links/{PublicId}");
        Assert.Empty(await removed.ReadAsync<List<CaseFaqLinkItem>>());
        using var missing = await client.DeleteAsync($"/api/cases/{subject.Id}/faq-links/{PublicId}");
        await missing.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await app.AsSystemAsync(db => db.CaseChanges.CountAsync(c => c.CaseId == subject.Id && c.Kind == CaseChangeKind.FaqUnlinked)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-entry")]
    [InlineData("draft")]
    [InlineData("other-center")]
    [InlineData("retired")]
    public async Task OnlyAPublishedEntryTheUserMaySeeCanBeLinked(string which)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var entryId = which switch
        {
            "draft" => $"link-draft-{suffix}",
            "other-center" => $"link-other-{suffix}",
            "retired" => $"link-retired-{suffix}",
            _ => which,
        };
        if (which is "draft" or "other-center" or "retired")
        {
            await KnowledgeWorld.SeedEntryAsync(
                app, entryId, which == "other-center" ? app.World.CenterB.Id : null,
                which switch { "draft" => FaqVersionState.Draft, "retired" => FaqVersionState.Retired, _ => FaqVersionState.Published });
        }

        var subject = await app.RegisterAsync(app.World.CounselorA);
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync($"/api/cases/{subject.Id}/faq-links", new { entryId });

        var body = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("FAQが見つからないか、公開されていません。", body, StringComparison.Ordinal);
        Assert.Equal(0, await app.AsSystemAsync(db => db.CaseFaqLinks.CountAsync(l => l.CaseId == subject.Id)));
    }

    [Fact]
    public async Task ParallelLinksOfTheSameEntryMakeOneLink()
    {
        var subject = await app.RegisterAsync(app.World.CounselorA);
        var client = await app.ClientAsync(app.World.CounselorA);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostJsonAsync($"/api/cases/{subject.Id}/faq-links", new { entryId = PublicId })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await app.AsSystemAsync(db => db.CaseFaqLinks.CountAsync(l => l.CaseId == subject.Id)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}

public sealed class CaseFaqLinkOnSqliteTests(SqliteApp app) : CaseFaqLinkTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CaseFaqLinkOnPostgresTests(PostgresApp app) : CaseFaqLinkTests(app), IClassFixture<PostgresApp>;
