using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Assistance;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Assistance;

/// <summary>
/// POST /api/assist/suggestions: classification candidates and checklists for a narrative and the fields typed so far,
/// in the permission matrix (the case workers of a center; nobody else).
/// </summary>
public abstract class AssistanceApiTests(AppFixture app)
{
    private static readonly string[] UnknownKeyword = ["K0105", "K9999"];

    private const string Narrative = "作業着の男性が突然家に来て、屋根の瓦がずれていると言われ、その場で屋根工事を８０万円で契約した。契約書は３日前に受け取った。";

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

    //                                          anon counselor supervisor center-admin pref-admin analyst sys-admin
    private static readonly Dictionary<string, int[]> ChecksMatrix = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 200, 200, 200, 403, 403, 403],
    };

    public static TheoryData<string, string, int> CheckCells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (role, target, status) in Expand(ChecksMatrix))
        {
            data.Add(role, target, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CheckCells))]
    public async Task ChecksAnswerEachRoleAndCaseAsTheMatrixSays(string role, string target, int status)
    {
        var world = app.World;
        var caseId = target switch { Own => world.A1.Id, Other => world.B1.Id, _ => world.B2.Id };
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(world.RoleUsersA[role]);
        var deniedBefore = (await app.AuditAsync(caseId, Yorisoi.Core.Security.AuditActions.DeniedCaseAccess)).Count;

        using var response = await client.PostJsonAsync($"/api/cases/{caseId}/checks", new { });

        await response.ExpectAsync((HttpStatusCode)status);
        var denied = (await app.AuditAsync(caseId, Yorisoi.Core.Security.AuditActions.DeniedCaseAccess)).Count;
        Assert.Equal(status == 404 ? deniedBefore + 1 : deniedBefore, denied);
    }

    [Fact]
    public async Task ACaseChecksListFindingsWithTheFieldToFixAndAScore()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        // The world's A1 is a bare registration: no result, no handling log, no classification.
        using var response = await client.PostJsonAsync($"/api/cases/{app.World.A1.Id}/checks", new { });
        var report = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var findings = report["findings"]!.AsArray();
        var result = findings.Single(f => f!["ruleId"]!.GetValue<string>() == "result-required")!;
        Assert.Equal("Error", result["severity"]!.GetValue<string>());
        Assert.Equal("ResultCode", result["field"]!.GetValue<string>());
        Assert.Equal("処理結果を入力してください。", result["message"]!.GetValue<string>());
        Assert.Contains(findings, f => f!["ruleId"]!.GetValue<string>() == "handling-log-required");
        Assert.InRange(report["score"]!.GetValue<int>(), 0, 99);
        Assert.False(string.IsNullOrEmpty(report["rulesVersion"]!.GetValue<string>()));
    }

    public static TheoryData<string, int> ReportCells()
    {
        var data = new TheoryData<string, int>();
        //                     anon counselor supervisor center-admin pref-admin analyst sys-admin
        foreach (var (role, status) in Expand([401, 403, 200, 200, 403, 403, 403]))
        {
            data.Add(role, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReportCells))]
    public async Task TheCheckReportAnswersEachRoleAsTheMatrixSays(string role, int status)
    {
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.GetAsync("/api/assist/check-report");

        await response.ExpectAsync((HttpStatusCode)status);
    }

    [Fact]
    public async Task TheCheckReportCountsTheOwnCentersCasesOnlyWithTheCommonestFindingsFirst()
    {
        var world = app.World;
        var ownCases = await app.AsSystemAsync(db => db.Cases.CountAsync(c => c.CenterId == world.CenterA.Id));
        var client = await app.ClientAsync(world.RoleUsersA[Yorisoi.Core.Security.Roles.Supervisor]);

        using var response = await client.GetAsync("/api/assist/check-report?days=30");
        var report = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        // B2 is shared with A but belongs to B's report.
        Assert.Equal(ownCases, report["checked"]!.GetValue<int>());
        Assert.Equal(30, report["days"]!.GetValue<int>());
        var findings = report["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        var counts = findings.Select(f => f!["cases"]!.GetValue<int>()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.All(findings, f => Assert.InRange(f!["share"]!.GetValue<double>(), 0.0001, 1));
    }

    [Theory]
    [MemberData(nameof(RoleCells))]
    public async Task SuggestionsAnswerEachRoleAsTheMatrixSays(string role, int status)
    {
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text = Narrative });

        await response.ExpectAsync((HttpStatusCode)status);
    }

    [Fact]
    public async Task ADoorToDoorRoofingNarrativeGetsTheRoofAndDoorToDoorCodesAndTheirChecklists()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text = Narrative });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("1303", First(result, "product"));
        Assert.Equal("S2", First(result, "salesForm"));
        var first = result["product"]![0]!;
        Assert.Equal("屋根工事", first["name"]!.GetValue<string>());
        Assert.InRange(first["confidence"]!.GetValue<double>(), 0.0001, 1);
        var checklists = result["checklists"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["basic", "houmon-hanbai", "koji-tenken"], checklists);
        Assert.False(string.IsNullOrEmpty(result["codeListVersion"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(result["checklistVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AChecklistItemTicksOffWhenItsFieldIsFilled()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        var before = await DocumentItemAsync(client, new { salesForm = "S2" });
        var after = await DocumentItemAsync(client, new { salesForm = "S2", documentReceivedDate = "2026-11-28" });

        Assert.False(before);
        Assert.True(after);
    }

    [Fact]
    public async Task TheCounselorsOwnClassificationDecidesTheChecklists()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        // The narrative reads as a door-to-door sale; the counselor filed it as a telephone sale.
        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text = Narrative, @case = new { salesForm = "S5", product = "1303" } });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var checklists = result["checklists"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("denwa-kanyu", checklists);
        Assert.DoesNotContain("houmon-hanbai", checklists);
        Assert.Equal("S2", First(result, "salesForm"));
    }

    [Fact]
    public async Task ADoorToDoorSaleWithTheDocumentReceivedThreeDaysAgoHasItsCoolingOffDeadline()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var today = TodayInJapan();
        var received = today.AddDays(-3);

        using var response = await client.PostJsonAsync("/api/assist/suggestions", new
        {
            text = Narrative,
            @case = new { salesForm = "S2", product = "1303", contractDate = received.ToString("O", CultureInfo.InvariantCulture), documentReceivedDate = received.ToString("O", CultureInfo.InvariantCulture), contractAmount = 800_000 },
        });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var rule = result["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "cooling-off.houmon-hanbai")!;
        Assert.Equal("Applies", rule["status"]!.GetValue<string>());
        // Day 1 is the day the document was received: eight days end on received + 7.
        Assert.Equal(received.AddDays(7).ToString("O", CultureInfo.InvariantCulture), rule["deadline"]!.GetValue<string>());
        // Across midnight in Japan the server may already count from the next day.
        var daysLeft = rule["daysLeft"]!.GetValue<int>();
        Assert.True(daysLeft == 4 || (daysLeft == 3 && TodayInJapan() != today), $"{daysLeft} days left");
        Assert.Contains("特定商取引法", rule["law"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("houmon-hanbai-cooling-off", rule["faqIds"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task RulesStandOnTheFieldsTheCounselorChoseNeverOnASuggestedCode()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        // The narrative reads as a door-to-door sale, but nobody has chosen a sales form: no cooling-off deadline yet.
        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text = Narrative });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("S2", First(result, "salesForm"));
        Assert.DoesNotContain(result["rules"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "cooling-off.houmon-hanbai");
    }

    [Theory]
    [InlineData("")]
    [InlineData("解約")]
    [InlineData("My subscription cannot be cancelled and the company does not answer.")]
    [InlineData("ﾃｲｷｺｳﾆｭｳ ｶｲﾔｸ ﾃﾞｷﾅｲ")]
    public async Task ShortForeignOrHalfWidthNarrativesGetSuggestionsOrNoneNeverAnError(string text)
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text, @case = new { salesForm = "S3", amountPaid = 5000, amountBilled = 1000 } });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.NotNull(result["product"]!.AsArray());
        Assert.Contains(result["checklists"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "tsuhan");
    }

    [Fact]
    public async Task ATenThousandCharacterNarrativeIsAnswered()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var text = string.Concat(Enumerable.Repeat("訪問販売で布団を契約した。", 10_000 / 13 + 1))[..10_000];

        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal("0301", First(result, "product"));
    }

    [Fact]
    public async Task UnknownCodesAndOverlongTextsAreRefusedInJapanese()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using (var codes = await client.PostJsonAsync("/api/assist/suggestions", new { text = Narrative, @case = new { salesForm = "S99", keywords = UnknownKeyword } }))
        {
            var problem = JsonNode.Parse(await codes.ExpectAsync(HttpStatusCode.BadRequest))!;
            Assert.Equal("販売購入形態の選択肢が正しくありません。一覧から選んでください。", problem["errors"]!["Case.SalesForm"]![0]!.GetValue<string>());
            Assert.Equal("内容キーワードの選択肢が正しくありません。一覧から選んでください。", problem["errors"]!["Case.Keywords"]![0]!.GetValue<string>());
        }

        using var overlong = await client.PostJsonAsync("/api/assist/suggestions", new { text = new string('あ', CaseAssistant.MaxTextLength + 1) });
        var body = await overlong.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("相談概要の文章は20000文字以内で入力してください。", body, StringComparison.Ordinal);
    }

    private static DateOnly TodayInJapan() => DateOnly.FromDateTime(Yorisoi.Core.Cases.FiscalYear.ToJapanTime(DateTimeOffset.UtcNow).DateTime);

    private static string First(JsonNode result, string field) => result[field]!.AsArray()[0]!["code"]!.GetValue<string>();

    private static async Task<bool> DocumentItemAsync(HttpClient client, object fields)
    {
        using var response = await client.PostJsonAsync("/api/assist/suggestions", new { text = "", @case = fields });
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;
        var checklist = result["checklists"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "houmon-hanbai")!;
        return checklist["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "document-date")!["done"]!.GetValue<bool>();
    }
}

public sealed class AssistanceApiOnSqliteTests(SqliteApp app) : AssistanceApiTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AssistanceApiOnPostgresTests(PostgresApp app) : AssistanceApiTests(app), IClassFixture<PostgresApp>;
