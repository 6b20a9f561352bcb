using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Knowledge;

/// <summary>
/// POST /api/faq/suggestions, FAQ候補自動表示 through the API: entries and similar cases for a narrative, each within
/// what the user may see, and in the permission matrix.
/// </summary>
public abstract class SuggestionApiTests(AppFixture app) : IAsyncLifetime
{
    private const string Narrative = "お試し500円のつもりでサプリを注文したら定期購入になっていて、2回目が届いた。解約の電話がつながらない。";

    public Task InitializeAsync() => SearchIndexWait.CaughtUpAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, int> RoleCells()
    {
        var data = new TheoryData<string, int>();
        //                     anon counselor supervisor center-admin pref-admin analyst sys-admin
        foreach (var (role, status) in Expand([401, 200, 200, 200, 403, 403, 403]))
        {
            data.Add(role, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleCells))]
    public async Task SuggestionsAnswerEachRoleAsTheMatrixSays(string role, int status)
    {
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.PostJsonAsync("/api/faq/suggestions", new { text = Narrative });

        await response.ExpectAsync((HttpStatusCode)status);
    }

    [Fact]
    public async Task ANarrativeAboutASubscriptionTrapGetsTheSubscriptionEntriesWithTheirWordsMarked()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/faq/suggestions", new { text = Narrative });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var faq = result["faq"]!.AsArray();
        Assert.InRange(faq.Count, 1, NarrativeSuggestions.Limit);
        var ids = faq.Select(f => f!["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.Contains("teiki-kounyu-otameshi") || ids.Contains("int-teiki-kounyu"), string.Join(", ", ids));
        Assert.All(faq, f => Assert.True(f!["score"]!.GetValue<double>() > 0));
        Assert.Contains(faq, f => f!["questionHighlights"]!.AsArray().Count > 0 || f["snippet"]?["highlights"]?.AsArray().Count > 0);
    }

    public static TheoryData<string, string[]> CaseSets() => new()
    {
        // The world's cases all say 相談; each user gets the ones their center may see, never another center's.
        { "A.counselor", ["A1", "A2", "B2"] },
        { "A.supervisor", ["A1", "A2", "B2"] },
        { "B.counselor", ["B1", "B2", "C1"] },
        { "C.counselor", ["C1"] },
    };

    [Theory]
    [MemberData(nameof(CaseSets))]
    public async Task SimilarCasesAreExactlyThoseTheUsersCenterMaySee(string userKey, string[] expected)
    {
        var world = app.World;
        var names = new Dictionary<Guid, string> { [world.A1.Id] = "A1", [world.A2.Id] = "A2", [world.B1.Id] = "B1", [world.B2.Id] = "B2", [world.C1.Id] = "C1" };
        var client = await app.ClientAsync(world.User(userKey));

        using var response = await client.PostJsonAsync("/api/faq/suggestions", new { text = "共有した相談のこと" });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var cases = result["cases"]!.AsArray();
        Assert.Equal(expected, cases.Select(c => names.GetValueOrDefault(c!["id"]!.GetValue<Guid>(), "other")).Order(StringComparer.Ordinal));
        Assert.All(cases, c => Assert.False(string.IsNullOrEmpty(c!["receiptNumber"]!.GetValue<string>())));
        Assert.All(cases, c => Assert.True(c!["score"]!.GetValue<double>() > 0));
    }

    [Fact]
    public async Task AnotherCentersLocalEntryIsNeverSuggested()
    {
        var world = app.World;
        var id = $"local-b-{Guid.NewGuid():N}"[..20];
        await KnowledgeWorld.SeedEntryAsync(app, id, world.CenterB.Id, Core.Knowledge.FaqVersionState.Published);
        await app.AsSystemAsync(async db =>
        {
            var version = await db.FaqEntryVersions.SingleAsync(v => v.EntryId == id);
            version.Question = "ゾルゲン浄水器の点検商法への対応は？";
            return await db.SaveChangesAsync();
        });
        const string Text = "ゾルゲン浄水器の点検に来た業者に高額な契約をさせられた。";
        var b = await app.ClientAsync(world.CounselorB);
        var a = await app.ClientAsync(world.CounselorA);

        // The entry reaches each host's FAQ index within seconds; wait until center B is offered it.
        var started = Stopwatch.GetTimestamp();
        while (!(await FaqIdsAsync(b, Text)).Contains(id))
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "center B was never offered its own entry");
            await Task.Delay(50);
        }

        Assert.DoesNotContain(id, await FaqIdsAsync(a, Text));
    }

    [Fact]
    public async Task AnEmptyNarrativeGetsNothingAndAnOverlongOneAClearError()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using (var empty = await client.PostJsonAsync("/api/faq/suggestions", new { text = "  " }))
        {
            var result = JsonNode.Parse(await empty.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Empty(result["faq"]!.AsArray());
            Assert.Empty(result["cases"]!.AsArray());
        }

        using var overlong = await client.PostJsonAsync("/api/faq/suggestions", new { text = new string('あ', NarrativeSuggestions.MaxTextLength + 1) });
        var body = await overlong.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("相談概要の文章は20000文字以内で入力してください。", body, StringComparison.Ordinal);
    }

    private static async Task<List<string>> FaqIdsAsync(HttpClient client, string text)
    {
        using var response = await client.PostJsonAsync("/api/faq/suggestions", new { text });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        return result["faq"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
    }
}

public sealed class SuggestionApiOnSqliteTests(SqliteApp app) : SuggestionApiTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class SuggestionApiOnPostgresTests(PostgresApp app) : SuggestionApiTests(app), IClassFixture<PostgresApp>;
