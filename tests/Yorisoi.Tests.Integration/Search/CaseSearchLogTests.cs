using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;

namespace Yorisoi.Tests.Integration.Search;

/// <summary>
/// Case searches join the search log like FAQ searches: the words (masked for personal data, people's names too), the
/// result count and the case opened from them; never who searched. Zero-result case searches are reported apart from
/// the FAQ gaps.
/// </summary>
public abstract class CaseSearchLogTests(AppFixture app)
{
    [Fact]
    public async Task ACaseSearchIsLoggedWithoutPersonalDataAndRecordsTheCaseOpenedFromIt()
    {
        var world = app.World;
        var word = CaseSearchTests.UniqueWord();
        var registered = await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{word} の通販で健康食品の定期購入になっていた。");
        var client = await app.ClientAsync(world.CounselorA);
        await SearchIndexWait.UntilAsync(client, $"?q={word}", r => SearchIndexWait.Ids(r).Contains(registered.Id));

        // The name and the phone number are what a counselor might type; neither may reach the log.
        var query = $"{word} 佐藤花子 090-1234-5678";
        using var response = await client.GetAsync($"/api/search/cases?q={Uri.EscapeDataString(word)}+{Uri.EscapeDataString("佐藤花子 090-1234-5678")}");
        var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        var searchId = body["searchId"]!.GetValue<long>();
        Assert.True(searchId > 0, body.ToJsonString());

        var row = await app.AsSystemAsync(db => db.SearchLog.AsNoTracking().SingleAsync(s => s.Id == searchId));
        Assert.Equal(SearchSurface.Cases, row.Surface);
        Assert.Equal($"{word} 〔氏名〕 〔電話番号〕", row.Query);
        Assert.Equal(body["total"]!.GetValue<int>(), row.ResultCount);
        Assert.DoesNotContain("佐藤", row.Query, StringComparison.Ordinal);
        Assert.NotEqual(query, row.Query);

        using (var opened = await client.GetAsync($"/api/cases/{registered.Id}?searchId={searchId}"))
        {
            await opened.ExpectAsync(HttpStatusCode.OK);
        }

        row = await app.AsSystemAsync(db => db.SearchLog.AsNoTracking().SingleAsync(s => s.Id == searchId));
        Assert.Equal(registered.Id, row.OpenedCaseId);
        Assert.Null(row.OpenedEntryId);
        Assert.NotNull(row.OpenedAt);
    }

    [Fact]
    public async Task LaterPagesEmptySearchesAndBadIdsAddNothingToTheLog()
    {
        var world = app.World;
        var word = CaseSearchTests.UniqueWord();
        var client = await app.ClientAsync(world.CounselorA);
        await SearchIndexWait.CaughtUpAsync(app);
        var before = await app.AsSystemAsync(db => db.SearchLog.CountAsync());

        foreach (var url in new[] { $"/api/search/cases?q={word}&page=2", "/api/search/cases?q=", "/api/search/cases" })
        {
            using var response = await client.GetAsync(url);
            var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal(0, body["searchId"]!.GetValue<long>());
        }

        Assert.Equal(before, await app.AsSystemAsync(db => db.SearchLog.CountAsync()));

        // A case opened with a stale, edited or FAQ search id answers as usual and records nothing.
        var registered = await app.RegisterAsync(world.CounselorA);
        long faqSearch;
        using (var faq = await client.GetAsync($"/api/knowledge/search?q={word}"))
        {
            faqSearch = JsonNode.Parse(await faq.ExpectAsync(HttpStatusCode.OK))!["searchId"]!.GetValue<long>();
        }

        foreach (var searchId in new[] { "abc", "-1", "99999999999", faqSearch.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            using var opened = await client.GetAsync($"/api/cases/{registered.Id}?searchId={searchId}");
            await opened.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.False(await app.AsSystemAsync(db => db.SearchLog.AnyAsync(s => s.OpenedCaseId == registered.Id)));
        Assert.Null(await app.AsSystemAsync(db => db.SearchLog.Where(s => s.Id == faqSearch).Select(s => s.OpenedAt).SingleAsync()));
    }

    [Fact]
    public async Task ZeroResultCaseSearchesAreReportedApartFromFaqGaps()
    {
        var kb = await app.OnceAsync(KnowledgeWorld.SeedAsync);
        var client = await app.ClientAsync(app.World.CounselorA);
        await SearchIndexWait.CaughtUpAsync(app);
        var word = "ケースギャップ" + CaseSearchTests.UniqueWord();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync($"/api/search/cases?q={word}");
            Assert.Equal(0, JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!["total"]!.GetValue<int>());
        }

        using var gaps = await (await app.ClientAsync(kb.NationalApprover)).GetAsync("/api/knowledge/search-gaps?days=30&limit=200");
        var body = JsonNode.Parse(await gaps.ExpectAsync(HttpStatusCode.OK))!;
        var cases = body["caseSearchZeroResult"]!.AsArray().Select(g => (g!["query"]!.GetValue<string>(), g["searches"]!.GetValue<int>())).ToList();
        Assert.Contains((word, 2), cases);
        Assert.DoesNotContain(body["zeroResult"]!.AsArray(), g => g!["query"]!.GetValue<string>() == word);
    }
}

public sealed class CaseSearchLogOnSqliteTests(SqliteApp app) : CaseSearchLogTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CaseSearchLogOnPostgresTests(PostgresApp app) : CaseSearchLogTests(app), IClassFixture<PostgresApp>;
