using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Knowledge;

/// <summary>FAQ search through the API: what it finds, what it logs, how it keeps up with publication, and bad input.</summary>
public abstract class FaqSearchTests(AppFixture app)
{
    private sealed record Fixture(KnowledgeWorld World);

    private Task<Fixture> SetUpAsync() => app.OnceAsync(async a => new Fixture(await KnowledgeWorld.SeedAsync(a)));

    [Fact]
    public async Task AnonymousSearchFindsTheAnsweringEntryWithSnippetAndSearchId()
    {
        await SetUpAsync();
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("お試しのつもりが定期購入 解約したい"));
        var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var results = body["results"]!.AsArray();
        Assert.Contains("teiki-kounyu-otameshi", results.Take(3).Select(r => r!["id"]!.GetValue<string>()));
        var first = results[0]!;
        Assert.False(string.IsNullOrEmpty(first["question"]!.GetValue<string>()));
        Assert.True(first["score"]!.GetValue<double>() > 0);
        Assert.False(string.IsNullOrEmpty(first["category"]!.GetValue<string>()));
        var snippet = first["snippet"]!;
        var text = snippet["text"]!.GetValue<string>();
        Assert.All(snippet["highlights"]!.AsArray(), h => Assert.True(h!["start"]!.GetValue<int>() + h["length"]!.GetValue<int>() <= text.Length));
        Assert.Contains(results, r => r!["snippet"]!["highlights"]!.AsArray().Count > 0 || r["questionHighlights"]!.AsArray().Count > 0);
        Assert.True(body["searchId"]!.GetValue<long>() > 0);
        Assert.True(body["total"]!.GetValue<int>() >= results.Count);
    }

    [Fact]
    public async Task PublicSearchNeverReturnsInternalEntriesEvenToStaff()
    {
        var fixture = await SetUpAsync();
        var counselor = await app.ClientAsync(app.World.CounselorA);
        var internalQuestion = fixture.World.Shipped.First(d => d.Audience == FaqAudience.Internal).Question;

        using var publicResponse = await counselor.GetAsync("/api/faq/search?pageSize=50&q=" + Uri.EscapeDataString(internalQuestion));
        var publicIds = Ids(JsonNode.Parse(await publicResponse.ExpectAsync(HttpStatusCode.OK))!);
        using var staffResponse = await counselor.GetAsync("/api/knowledge/search?pageSize=50&q=" + Uri.EscapeDataString(internalQuestion));
        var staffIds = Ids(JsonNode.Parse(await staffResponse.ExpectAsync(HttpStatusCode.OK))!);

        var internalIds = fixture.World.Shipped.Where(d => d.Audience == FaqAudience.Internal).Select(d => d.Id).ToHashSet();
        Assert.DoesNotContain(publicIds, internalIds.Contains);
        Assert.Contains(staffIds, internalIds.Contains);
    }

    [Fact]
    public async Task EverySearchIsLoggedMaskedAndOpeningIsTiedToIt()
    {
        await SetUpAsync();
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString("架空請求 090-1234-5678 から電話"));
        var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        var searchId = body["searchId"]!.GetValue<long>();
        var opened = Ids(body)[0];
        using (var open = await client.GetAsync($"/api/faq/{opened}?searchId={searchId}"))
        {
            await open.ExpectAsync(HttpStatusCode.OK);
        }

        var row = await app.AsSystemAsync(db => db.SearchLog.AsNoTracking().SingleAsync(s => s.Id == searchId));
        Assert.Equal(SearchSurface.Portal, row.Surface);
        Assert.DoesNotContain("1234", row.Query, StringComparison.Ordinal);
        Assert.Contains("架空請求", row.Query, StringComparison.Ordinal);
        Assert.Equal(body["total"]!.GetValue<int>(), row.ResultCount);
        Assert.Equal(opened, row.OpenedEntryId);
    }

    [Fact]
    public async Task APublishedEntryIsFoundAndARetiredOneIsGoneWithinSeconds()
    {
        var fixture = await SetUpAsync();
        using var client = app.AnonymousClient();
        const string Query = "ぬかどこ頒布会";
        Assert.DoesNotContain("nukadoko-hanpukai", Ids(await SearchAsync(client, Query)));

        await KnowledgeWorld.SeedEntryAsync(app, "nukadoko-hanpukai", null, FaqVersionState.Published, fixture.World.NationalEditor, FaqAudience.Public);
        await app.AsSystemAsync(async db =>
        {
            var version = await db.FaqEntryVersions.SingleAsync(v => v.EntryId == "nukadoko-hanpukai");
            version.Question = "ぬかどこ頒布会の解約は？";
            return await db.SaveChangesAsync();
        });
        await WaitForAsync(async () => Ids(await SearchAsync(client, Query)).FirstOrDefault() == "nukadoko-hanpukai");

        var approver = await app.ClientAsync(fixture.World.NationalApprover);
        using (var retire = await approver.PostJsonAsync("/api/knowledge/entries/nukadoko-hanpukai/retire", new { version = 1 }))
        {
            await retire.ExpectAsync(HttpStatusCode.OK);
        }

        await WaitForAsync(async () => !Ids(await SearchAsync(client, Query)).Contains("nukadoko-hanpukai"));
    }

    public static TheoryData<string> BadQueries() => new()
    {
        "", "   ", "！？。、・…", "の で を が", "((((", "\"閉じない引用", "解約 AND OR NOT", "+-&&||!(){}[]^\"~*?:\\/", "field:value",
        "定期購入^10 解約~2", new string('あ', 10_000), string.Concat(Enumerable.Repeat("解約 ", 3000)), "-解約", "*",
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadInputGetsAnAnswerWithAJapaneseNoticeNeverAServerError(string query)
    {
        await SetUpAsync();
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString(query));
        var body = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var notices = body["notices"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        if (body["results"]!.AsArray().Count == 0)
        {
            Assert.NotEmpty(notices);
        }

        Assert.All(notices, n => Assert.Matches(@"\p{IsHiragana}", n));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    [InlineData("pageSize=500")]
    [InlineData("category=no-such-category")]
    public async Task BadPagingOrCategoryIsAProblemWithAJapaneseTitle(string parameters)
    {
        await SetUpAsync();
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/api/faq/search?q=解約&" + parameters);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CategoryAndPagingNarrowTheResults()
    {
        await SetUpAsync();
        using var client = app.AnonymousClient();

        var all = await SearchAsync(client, "解約", "&pageSize=5");
        var second = await SearchAsync(client, "解約", "&pageSize=5&page=2");
        var category = await SearchAsync(client, "解約 退去 敷金", "&pageSize=50&category=chintai");

        Assert.Equal(5, Ids(all).Count);
        Assert.Empty(Ids(all).Intersect(Ids(second)));
        Assert.NotEmpty(Ids(category));
        Assert.All(category["results"]!.AsArray(), r => Assert.Equal("chintai", r!["category"]!.GetValue<string>()));
    }

    private static async Task<JsonNode> SearchAsync(HttpClient client, string query, string more = "")
    {
        using var response = await client.GetAsync("/api/faq/search?q=" + Uri.EscapeDataString(query) + more);
        return JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    private static List<string> Ids(JsonNode body) => body["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();

    // The index checks the database every FaqIndexKeeper.CheckInterval; this waits for the answer, not for a fixed time.
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The search index did not follow the change within 30 s.");
            await Task.Delay(200);
        }
    }
}

public sealed class FaqSearchOnSqliteTests(SqliteApp app) : FaqSearchTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class FaqSearchOnPostgresTests(PostgresApp app) : FaqSearchTests(app), IClassFixture<PostgresApp>;
