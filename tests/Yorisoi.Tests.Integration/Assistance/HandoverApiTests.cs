using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Assistance.Summaries;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Assistance;

/// <summary>
/// GET /api/cases/{id}/handover and POST /api/cases/{id}/handover/llm-summary without an LLM configured: the permission
/// matrix (exactly that of GET /api/cases/{id}), what the hand-over holds, and that it holds no personal data.
/// </summary>
public abstract class HandoverApiTests(AppFixture app)
{
    //                                          anon counselor supervisor center-admin pref-admin analyst sys-admin
    private static readonly Dictionary<string, int[]> CaseRead = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 200, 200, 200, 403, 403, 403],
    };

    private static readonly string[] Endpoints = ["GET /api/cases/{id}/handover", "POST /api/cases/{id}/handover/llm-summary"];

    public static TheoryData<string, string, string, int> MatrixCells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var endpoint in Endpoints)
        {
            foreach (var (role, target, status) in Expand(CaseRead))
            {
                data.Add(endpoint, role, target, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MatrixCells))]
    public async Task HandoverAnswersEachRoleAndCaseAsTheMatrixSays(string endpoint, string role, string target, int status)
    {
        var world = app.World;
        var caseId = target switch { Own => world.A1.Id, Other => world.B1.Id, _ => world.B2.Id };
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(world.RoleUsersA[role]);
        var deniedBefore = (await app.AuditAsync(caseId, AuditActions.DeniedCaseAccess)).Count;
        var parts = endpoint.Split(' ');
        var url = parts[1].Replace("{id}", caseId.ToString(), StringComparison.Ordinal);

        using var response = parts[0] == "POST" ? await client.PostJsonAsync(url, new { }) : await client.GetAsync(url);

        var body = await response.ExpectAsync((HttpStatusCode)status);
        if (status == 200)
        {
            var view = JsonNode.Parse(body)!;
            Assert.Equal(caseId, view["caseId"]!.GetValue<Guid>());
            Assert.Equal(target == Own, view["isOwnCenter"]!.GetValue<bool>());
        }

        var denied = (await app.AuditAsync(caseId, AuditActions.DeniedCaseAccess)).Count;
        Assert.Equal(status == 404 ? deniedBefore + 1 : deniedBefore, denied);
    }

    [Fact]
    public async Task TheHandoverHoldsTheSummaryClassificationLatestLogDeadlinesOpenItemsAndChecksButNoPersonalData()
    {
        var world = app.World;
        var received = TodayInJapan().AddDays(-2);
        var phone = CaseInputs.RandomMobile();
        var detail = await app.RegisterAsync(world.CounselorA, input =>
        {
            input.Summary = "作業着の男性が突然家に来て、屋根の瓦がずれていると言われ、その場で屋根工事を80万円で契約した。契約書は2日前に受け取った。工事はまだ始まっていない。解約したい。";
            input.ReceivedAt = DateTimeOffset.UtcNow.AddHours(-12);
            input.Consultant.Name = "引継 太郎";
            input.Consultant.Phone = phone;
            input.Consultant.Email = "hikitsugi.taro@example.jp";
            input.Consultant.Address = "東京都千代田区丸の内一丁目2番3号";
            input.ProductCode = "1303";
            input.SalesFormCode = "S2";
            input.KeywordCodes = [];
            input.ContractDate = received;
            input.DocumentReceivedDate = received;
            input.ContractAmount = 800_000;
            input.PaymentMethodCode = "P01";
        });
        for (var i = 1; i <= 6; i++)
        {
            var log = CaseInputs.Log($"{i}回目の対応：事業者に連絡し、解約の意思を伝えた。");
            log.OccurredAt = DateTimeOffset.UtcNow.AddHours(-10 + i);
            await app.DoAsync(world.CounselorA, s => s.AddHandlingLogAsync(detail.Id, log, HandlingLogKind.Handling));
        }

        var personalViewsBefore = (await app.AuditAsync(detail.Id, AuditActions.ViewPersonalData)).Count;
        var client = await app.ClientAsync(world.Counselor2A);

        using var response = await client.GetAsync($"/api/cases/{detail.Id}/handover");
        var body = await response.ExpectAsync(HttpStatusCode.OK);
        var view = JsonNode.Parse(body)!;

        var summary = view["summary"]!;
        var text = summary["text"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, 400);
        Assert.Equal(400, summary["maxCharacters"]!.GetValue<int>());
        Assert.Contains("屋根工事", text, StringComparison.Ordinal);
        var sentences = summary["sentences"]!.AsArray();
        Assert.Contains(sentences, s => s!["source"]!.GetValue<string>() == "Narrative" && s["logEntryId"] is null);
        Assert.All(sentences.Where(s => s!["source"]!.GetValue<string>() == "HandlingLog"), s => Assert.NotNull(s!["logEntryId"]));
        Assert.NotEmpty(summary["keyTerms"]!.AsArray());

        Assert.Equal("InProgress", view["status"]!.GetValue<string>());
        Assert.Equal("S2", view["classification"]!["salesFormCode"]!.GetValue<string>());
        Assert.Contains("屋根工事", view["classification"]!["productPath"]!.GetValue<string>(), StringComparison.Ordinal);

        // The latest five of six entries, newest first, with dates and the author.
        var latest = view["latestHandlingLog"]!.AsArray();
        Assert.Equal(6, view["handlingLogCount"]!.GetValue<int>());
        Assert.Equal(5, latest.Count);
        Assert.StartsWith("6回目", latest[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("2回目", latest[4]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(world.CounselorA.DisplayName, latest[0]!["author"]!.GetValue<string>());
        var times = latest.Select(e => e!["occurredAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var rule = view["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "cooling-off.houmon-hanbai")!;
        Assert.Equal(received.AddDays(7).ToString("O", CultureInfo.InvariantCulture), rule["deadline"]!.GetValue<string>());

        var checklists = view["openChecklistItems"]!.AsArray();
        Assert.Contains(checklists, c => c!["id"]!.GetValue<string>() == "houmon-hanbai");
        // The document date is filled in, so its item is not open any more.
        var doorToDoor = checklists.Single(c => c!["id"]!.GetValue<string>() == "houmon-hanbai")!;
        Assert.DoesNotContain(doorToDoor["openItems"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "document-date");
        Assert.NotEmpty(doorToDoor["openItems"]!.AsArray());

        Assert.Contains(view["checks"]!["findings"]!.AsArray(), f => f!["ruleId"]!.GetValue<string>() == "result-required");
        Assert.Equal("NotConfigured", view["llm"]!["status"]!.GetValue<string>());

        foreach (var personal in new[] { "引継", "太郎", "hikitsugi", "丸の内", "シケン", "ハナコ", phone, phone.Replace("-", "", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(personal, body, StringComparison.Ordinal);
        }

        // Nothing personal was shown, so nothing was audited as shown.
        Assert.Equal(personalViewsBefore, (await app.AuditAsync(detail.Id, AuditActions.ViewPersonalData)).Count);
    }

    [Fact]
    public async Task WithoutAnLlmTheSummaryRequestSaysSoInJapaneseAndTheExtractiveSummaryStays()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync($"/api/cases/{app.World.A2.Id}/handover/llm-summary", new { });
        var view = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("NotConfigured", view["llm"]!["status"]!.GetValue<string>());
        Assert.Equal("LLM 要約は設定されていません。自動抽出の要約をお使いください。", view["llm"]!["error"]!.GetValue<string>());
        Assert.Null(view["llm"]!["text"]);
        Assert.False(string.IsNullOrEmpty(view["summary"]!["text"]!.GetValue<string>()));
        Assert.Empty(await app.AuditAsync(app.World.A2.Id, HandoverService.LlmAuditAction));
    }

    [Fact]
    public async Task TheHandoverPageAnswersAnotherCentersCaseWithNotFound()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var own = await client.GetAsync($"/cases/{app.World.A1.Id}/handover");
        using var other = await client.GetAsync($"/cases/{app.World.B1.Id}/handover");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    private static DateOnly TodayInJapan() => DateOnly.FromDateTime(FiscalYear.ToJapanTime(DateTimeOffset.UtcNow).DateTime);
}

public sealed class HandoverApiOnSqliteTests(SqliteApp app) : HandoverApiTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class HandoverApiOnPostgresTests(PostgresApp app) : HandoverApiTests(app), IClassFixture<PostgresApp>;
