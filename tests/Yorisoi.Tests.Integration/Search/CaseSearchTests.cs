using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Search;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Search;

/// <summary>
/// The case index following the database: a committed change is found within 2 s, shares widen and narrow who finds
/// a case, personal fields are never found, bad queries get an answer, facets, snippets, paging and sort work, and a
/// rebuild keeps search answering.
/// </summary>
public abstract class CaseSearchTests(AppFixture app)
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(2);

    /// <summary>A word no other case has: lower-case Latin letters, one token for every analyser.</summary>
    public static string UniqueWord() => new([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

    [Fact]
    public async Task ACommittedChangeIsSearchableWithinTwoSeconds()
    {
        var world = app.World;
        var client = await app.ClientAsync(world.CounselorA);
        var first = UniqueWord();
        var second = UniqueWord();
        var logged = UniqueWord();

        var registered = await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{first} という通販サイトで注文した商品が届かない。");
        var (found, elapsed) = await SearchIndexWait.UntilAsync(client, $"?q={first}", r => SearchIndexWait.Ids(r).Contains(registered.Id));
        Assert.True(elapsed < Target, $"Found after {elapsed.TotalMilliseconds:0} ms.");
        Assert.Equal(registered.ReceiptNumber, found["hits"]![0]!["receiptNumber"]!.GetValue<string>());

        var input = CaseInputs.Valid($"{second} という通販サイトで注文した商品が届かない。");
        var updated = await app.DoAsync(world.CounselorA, s => s.UpdateAsync(registered.Id, registered.Version, input));
        (_, elapsed) = await SearchIndexWait.UntilAsync(client, $"?q={second}", r => SearchIndexWait.Ids(r).Contains(registered.Id));
        Assert.True(elapsed < Target, $"Edit found after {elapsed.TotalMilliseconds:0} ms.");
        await SearchIndexWait.UntilAsync(client, $"?q={first}", r => r["total"]!.GetValue<int>() == 0);

        await app.DoAsync(world.CounselorA, s => s.AddHandlingLogAsync(updated.Id, CaseInputs.Log($"事業者 {logged} に電話した。"), HandlingLogKind.Handling));
        (found, elapsed) = await SearchIndexWait.UntilAsync(client, $"?q=処理経過:{logged}", r => SearchIndexWait.Ids(r).Contains(registered.Id));
        Assert.True(elapsed < Target, $"Handling log entry found after {elapsed.TotalMilliseconds:0} ms.");
        var snippet = found["hits"]![0]!["snippets"]!.AsArray().Single(s => s!["field"]!.GetValue<string>() == CaseIndexSchema.HandlingLog)!;
        var range = snippet["highlights"]![0]!;
        Assert.Equal(logged, snippet["text"]!.GetValue<string>().Substring(range["start"]!.GetValue<int>(), range["length"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ASharedCaseBecomesFindableByTheOtherCenterAndRemovingTheShareHidesItAgain()
    {
        var world = app.World;
        var word = UniqueWord();
        var inB = await app.RegisterAsync(world.CounselorB, i => i.Summary = $"{word} の訪問販売で契約した浄水器を解約したい。");
        var b = await app.ClientAsync(world.CounselorB);
        var a = await app.ClientAsync(world.CounselorA);
        await SearchIndexWait.UntilAsync(b, $"?q={word}", r => SearchIndexWait.Ids(r).Contains(inB.Id));
        await SearchIndexWait.CaughtUpAsync(app);
        using (var before = await a.GetAsync($"/api/search/cases?q={word}"))
        {
            Assert.Equal(0, JsonNode.Parse(await before.ExpectAsync(HttpStatusCode.OK))!["total"]!.GetValue<int>());
        }

        await app.DoAsync(world.CounselorB, s => s.ShareAsync(inB.Id, world.CenterA.Id, "広域連携"));
        var (shared, elapsed) = await SearchIndexWait.UntilAsync(a, $"?q={word}", r => SearchIndexWait.Ids(r).Contains(inB.Id));
        Assert.True(elapsed < Target, $"Visible to A after {elapsed.TotalMilliseconds:0} ms.");
        Assert.False(shared["hits"]![0]!["isOwnCenter"]!.GetValue<bool>());
        using (var similar = await a.GetAsync($"/api/cases/{inB.Id}/similar"))
        {
            await similar.ExpectAsync(HttpStatusCode.OK);
        }

        // The product has no "unshare" yet; whatever removes a share goes through SaveChanges and so through the outbox.
        await app.AsSystemAsync(async db =>
        {
            db.CaseShares.Remove(await db.CaseShares.SingleAsync(s => s.CaseId == inB.Id && s.CenterId == world.CenterA.Id));
            return await db.SaveChangesAsync();
        });
        (_, elapsed) = await SearchIndexWait.UntilAsync(a, $"?q={word}", r => r["total"]!.GetValue<int>() == 0);
        Assert.True(elapsed < Target, $"Hidden from A after {elapsed.TotalMilliseconds:0} ms.");
        await SearchIndexWait.UntilAsync(b, $"?q={word}", r => SearchIndexWait.Ids(r).Contains(inB.Id));
    }

    [Fact]
    public async Task PersonalFieldsAreNeverIndexed()
    {
        var world = app.World;
        var word = UniqueWord();
        var name = UniqueWord();
        var detail = await app.RegisterAsync(world.CounselorA, i =>
        {
            i.Summary = $"{word} 社の光回線の勧誘が強引だった。";
            i.Consultant.Name = name;
            i.Consultant.Address = $"東京都千代田区{name}町1-1";
            i.Consultant.Email = $"{name}@example.jp";
            i.Consultant.ContactNote = name;
        });
        var client = await app.ClientAsync(world.CounselorA);
        await SearchIndexWait.UntilAsync(client, $"?q={word}", r => SearchIndexWait.Ids(r).Contains(detail.Id));

        foreach (var query in new[] { name, $"{name}@example.jp", $"{word} {name}" })
        {
            using var response = await client.GetAsync($"/api/search/cases?q={Uri.EscapeDataString(query)}");
            Assert.Equal(0, JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!["total"]!.GetValue<int>());
        }

        var index = app.Factory.Services.GetRequiredService<CaseIndex>();
        var files = Directory.EnumerateFiles(Path.Combine(index.Root, index.CurrentName!)).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => File.ReadAllText(f, System.Text.Encoding.Latin1).Contains(name, StringComparison.Ordinal));
    }

    public static TheoryData<string, string[]> BadQueries() => new()
    {
        // what is typed, notices expected (Japanese text from the resources)
        { "", ["検索語が入力されていないため"] },
        { "   ", ["検索語が入力されていないため"] },
        { "、。！？…「」（）", ["検索できる語がありません"] },
        { "の は が を", ["検索できる語がありません"] },
        { "\"定期購入", ["閉じられていない引用符"] },
        { "「定期購入", ["閉じられていない引用符"] },
        { "(定期購入 OR 解約", ["対応しない括弧"] },
        { "定期購入))", ["対応しない括弧"] },
        { "+-&&||!(){}[]^\"~*?:\\/", ["検索できる語がありません"] },
        { "定期購入~2 解約^10 title:abc AND NOT", [] },
        { "受付日:2026-13-45", ["項目の値が読み取れない"] },
        { "-解約", ["除外する語"] },
        { "事業者:", ["検索できる語がありません"] },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadQueriesGetAnAnswerAndAJapaneseNotice(string query, string[] notices)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync($"/api/search/cases?q={Uri.EscapeDataString(query)}");

        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        var given = result["notices"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        foreach (var notice in notices)
        {
            Assert.Contains(given, g => g.StartsWith(notice, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AVeryLongQueryIsCutAndAnswered()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var query = string.Concat(Enumerable.Repeat("定期購入の解約について。", 900))[..10_000];

        using var response = await client.GetAsync($"/api/search/cases?q={Uri.EscapeDataString(query)}");

        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Contains(result["notices"]!.AsArray(), n => n!.GetValue<string>().StartsWith("検索語が長すぎるため", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?status=Closed", "status")]
    [InlineData("?status=1", "status")]
    [InlineData("?sort=score", "sort")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?page=200&pageSize=100", "page")]
    [InlineData("?fiscalYear=26", "fiscalYear")]
    [InlineData("?product=01234567890123456789", "product")]
    [InlineData("?query=解約", "query")]
    public async Task BadParametersAreAProblemWithAJapaneseMessage(string query, string field)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync("/api/search/cases" + query);

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}", problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task FacetsSnippetsPagingAndSortDescribeTheMatches()
    {
        var world = app.World;
        var word = UniqueWord();
        var now = DateTimeOffset.UtcNow;
        var oldest = await app.RegisterAsync(world.CounselorC, i =>
        {
            i.Summary = $"訪問販売で {word} の布団を契約した。高額なので解約したい。";
            i.ReceivedAt = now.AddDays(-3);
            i.SalesFormCode = "S2";
            i.ProductCode = "0201";
        });
        var middle = await app.RegisterAsync(world.CounselorC, i =>
        {
            i.Summary = $"{word} の健康食品が定期購入だった。{word} に電話がつながらない。{word} の広告を見た。";
            i.ReceivedAt = now.AddDays(-2);
            i.SalesFormCode = "S3";
            i.ProductCode = "0201";
        });
        var newest = await app.RegisterAsync(world.CounselorC, i =>
        {
            i.Summary = $"通信販売で {word} の化粧品を買った。";
            i.ReceivedAt = now.AddDays(-1);
            i.SalesFormCode = "S3";
            i.ProductCode = "0601";
            i.KeywordCodes = [];
        });
        var client = await app.ClientAsync(world.CounselorC);
        var (result, _) = await SearchIndexWait.UntilAsync(client, $"?q={word}", r => r["total"]!.GetValue<int>() == 3);

        // Relevance: three mentions rank first.
        Assert.Equal(middle.Id, SearchIndexWait.Ids(result).First());
        var facets = result["facets"]!.AsArray().ToDictionary(f => f!["field"]!.GetValue<string>(), f => f!["values"]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => (Label: v!["label"]!.GetValue<string>(), Count: v["count"]!.GetValue<int>())));
        Assert.Equal(("通信販売", 2), facets[CaseIndexSchema.SalesForm]["S3"]);
        Assert.Equal(("訪問販売", 1), facets[CaseIndexSchema.SalesForm]["S2"]);
        Assert.Equal(2, facets[CaseIndexSchema.Product1]["02"].Count);
        Assert.Equal(1, facets[CaseIndexSchema.Product1]["06"].Count);
        Assert.Equal(2, facets[CaseIndexSchema.Keyword]["K0208"].Count);
        Assert.Equal(("受付", 3), facets[CaseIndexSchema.Status]["Received"]);
        Assert.Equal(3, facets[CaseIndexSchema.Prefecture]["13"].Count);
        Assert.Equal("東京都", facets[CaseIndexSchema.Prefecture]["13"].Label);
        Assert.Equal("商品・役務分類（大）", result["facets"]![0]!["label"]!.GetValue<string>());

        foreach (var hit in result["hits"]!.AsArray())
        {
            var snippet = hit!["snippets"]!.AsArray().First(s => s!["field"]!.GetValue<string>() == CaseIndexSchema.Narrative)!;
            var text = snippet["text"]!.GetValue<string>();
            Assert.All(snippet["highlights"]!.AsArray(), h => Assert.Equal(word, text.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())));
            Assert.NotEmpty(snippet["highlights"]!.AsArray());
        }

        using (var byDate = await client.GetAsync($"/api/search/cases?q={word}&sort=date"))
        {
            Assert.Equal([newest.Id, middle.Id, oldest.Id], SearchIndexWait.Ids(JsonNode.Parse(await byDate.ExpectAsync(HttpStatusCode.OK))!));
        }

        using (var page2 = await client.GetAsync($"/api/search/cases?q={word}&sort=date&pageSize=2&page=2"))
        {
            var second = JsonNode.Parse(await page2.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal([oldest.Id], SearchIndexWait.Ids(second));
            Assert.Equal(3, second["total"]!.GetValue<int>());
            Assert.Equal(2, second["page"]!.GetValue<int>());
        }

        using (var filtered = await client.GetAsync($"/api/search/cases?q={word}&salesForm=S3&product=02"))
        {
            Assert.Equal([middle.Id], SearchIndexWait.Ids(JsonNode.Parse(await filtered.ExpectAsync(HttpStatusCode.OK))!));
        }

        using (var syntax = await client.GetAsync($"/api/search/cases?q={Uri.EscapeDataString($"{word} (販売購入形態:訪問販売 OR 分類:0601)")}&sort=date"))
        {
            Assert.Equal([newest.Id, oldest.Id], SearchIndexWait.Ids(JsonNode.Parse(await syntax.ExpectAsync(HttpStatusCode.OK))!));
        }

        using (var year = await client.GetAsync($"/api/search/cases?q={word}&fiscalYear={oldest.FiscalYear}&status=Received"))
        {
            Assert.Contains(oldest.Id, SearchIndexWait.Ids(JsonNode.Parse(await year.ExpectAsync(HttpStatusCode.OK))!));
        }
    }

    [Fact]
    public async Task SearchKeepsAnsweringWhileTheIndexIsRebuiltAndThenSwaps()
    {
        var world = app.World;
        var word = UniqueWord();
        var detail = await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{word} の修理代金が見積もりより高い。");
        var client = await app.ClientAsync(world.CounselorA);
        await SearchIndexWait.UntilAsync(client, $"?q={word}", r => SearchIndexWait.Ids(r).Contains(detail.Id));
        var index = app.Factory.Services.GetRequiredService<CaseIndex>();
        var before = index.CurrentName;
        var cases = await app.AsSystemAsync(db => db.Cases.CountAsync());

        var rebuild = app.Factory.Services.GetRequiredService<CaseIndexer>().RebuildAsync();
        Assert.True(index.IsBuilding || rebuild.IsCompleted);
        var searches = 0;
        while (!rebuild.IsCompleted || searches == 0)
        {
            using var response = await client.GetAsync($"/api/search/cases?q={word}");
            var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Contains(detail.Id, SearchIndexWait.Ids(result));
            Assert.Equal(result["indexingInProgress"]!.GetValue<bool>(), result["notices"]!.AsArray().Any(n => n!.GetValue<string>().StartsWith("検索索引を作成中です", StringComparison.Ordinal)));
            searches++;
        }

        Assert.False(index.IsBuilding);

        Assert.Equal(cases, await rebuild);
        Assert.NotEqual(before, index.CurrentName);
        Assert.False(Directory.Exists(Path.Combine(index.Root, before!)));
        Assert.Equal(cases, index.Count);

        // Changes after the swap reach the new index.
        var later = UniqueWord();
        var registered = await app.RegisterAsync(world.CounselorA, i => i.Summary = $"{later} の定期購入を解約したい。");
        await SearchIndexWait.UntilAsync(client, $"?q={later}", r => SearchIndexWait.Ids(r).Contains(registered.Id));
    }

    [Fact]
    public async Task AnIndexBuiltByTheReindexCommandIsSwappedInByTheRunningHost()
    {
        var index = app.Factory.Services.GetRequiredService<CaseIndex>();
        var before = index.CurrentName;
        var client = await app.ClientAsync(app.World.CounselorA);

        var count = await app.Factory.Services.GetRequiredService<CaseIndexer>().BuildOfflineAsync();

        Assert.Equal(await app.AsSystemAsync(db => db.Cases.CountAsync()), count);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (index.CurrentName == before)
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "The host did not swap to the new index.");
            await Task.Delay(20);
        }

        await SearchIndexWait.UntilAsync(client, "?q=相談", r => SearchIndexWait.Ids(r).Contains(app.World.A1.Id));
    }
}

public sealed class CaseSearchOnSqliteTests(SqliteApp app) : CaseSearchTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CaseSearchOnPostgresTests(PostgresApp app) : CaseSearchTests(app), IClassFixture<PostgresApp>;
