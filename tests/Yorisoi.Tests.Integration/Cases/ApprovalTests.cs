using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Cases;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Cases;

/// <summary>
/// What a record needs before 決裁依頼 and 決裁, the approvers' queue, and who may be given a case. The class has its own
/// host, so the queue it reads holds exactly the cases these tests put there.
/// </summary>
public abstract class ApprovalTests(AppFixture app)
{
    private static readonly HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task SubmittingACaseWithoutResultHandlingLogOrClassificationIsRefusedNamingEachMissingItem()
    {
        var counselor = await app.ClientAsync(app.World.CounselorA);
        var created = await RegisterAsync(counselor, "決裁依頼の前提の確認", i => (i.ProductCode, i.SalesFormCode, i.KeywordCodes) = (null, null, []));

        using var response = await counselor.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "SubmitForApproval" });

        var problem = JsonNode.Parse(await response.ExpectAsync(Unprocessable))!;
        Assert.Equal("決裁依頼に必要な項目が入力されていません。", problem["title"]!.GetValue<string>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["HandlingLog", "ProductCode", "ResultCode", "SalesFormCode"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("処理結果を入力してください。", errors["ResultCode"]![0]!.GetValue<string>());
        Assert.Equal("処理経過を1件以上記録してください。", errors["HandlingLog"]![0]!.GetValue<string>());
        Assert.Equal("商品・役務分類を選んでください。", errors["ProductCode"]![0]!.GetValue<string>());
        Assert.Equal("販売購入形態を選んでください。", errors["SalesFormCode"]![0]!.GetValue<string>());
        var stored = await app.LoadCaseAsync(created.Id);
        Assert.Equal((CaseStatus.Received, created.Version), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task AResultAloneIsNotEnoughAHandlingLogEntryIsNeededToo()
    {
        var counselor = await app.ClientAsync(app.World.CounselorA);
        var created = await RegisterAsync(counselor, "処理経過のない相談", i => i.ResultCode = "R1");

        using var refused = await counselor.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "SubmitForApproval" });
        var problem = JsonNode.Parse(await refused.ExpectAsync(Unprocessable))!;
        Assert.Equal(["HandlingLog"], problem["errors"]!.AsObject().Select(e => e.Key));

        await OkAsync(counselor.PostJsonAsync($"/api/cases/{created.Id}/handling-log", CaseInputs.Log()));
        var submitted = await OkAsync(counselor.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "SubmitForApproval" }));
        Assert.Equal(CaseStatus.AwaitingApproval, submitted.Status);
    }

    [Fact]
    public async Task ACaseWhoseResultWasRemovedWhileAwaitingApprovalCannotBeApprovedUntilItIsBack()
    {
        var world = app.World;
        var counselor = await app.ClientAsync(world.CounselorA);
        var supervisor = await app.ClientAsync(world.SupervisorA);
        var submitted = await SubmittedAsync(counselor, "決裁前に処理結果が消えた相談");
        var emptied = CaseInputs.Valid("決裁前に処理結果が消えた相談");
        emptied.ReceivedAt = submitted.ReceivedAt;
        emptied.ResultCode = null;
        var edited = await OkAsync(counselor.PutJsonAsync($"/api/cases/{submitted.Id}", new { version = submitted.Version, @case = emptied }));

        using var refused = await supervisor.PostJsonAsync($"/api/cases/{submitted.Id}/transitions", new { action = "Approve" });

        var problem = JsonNode.Parse(await refused.ExpectAsync(Unprocessable))!;
        Assert.Equal("決裁に必要な項目が入力されていません。", problem["title"]!.GetValue<string>());
        Assert.Equal(["ResultCode"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(CaseStatus.AwaitingApproval, (await app.LoadCaseAsync(submitted.Id)).Status);

        emptied.ResultCode = "R2";
        await OkAsync(counselor.PutJsonAsync($"/api/cases/{submitted.Id}", new { version = edited.Version, @case = emptied }));
        var approved = await OkAsync(supervisor.PostJsonAsync($"/api/cases/{submitted.Id}/transitions", new { action = "Approve" }));
        Assert.Equal(CaseStatus.Completed, approved.Status);
    }

    [Fact]
    public async Task TheQueueShowsTheOwnCentersAwaitingCasesLongestWaitingFirstWithWhoSubmittedThem()
    {
        var world = app.World;
        var counselorA = await app.ClientAsync(world.CounselorA);
        var counselor2A = await app.ClientAsync(world.Counselor2A);
        var supervisorA = await app.ClientAsync(world.SupervisorA);
        var supervisorB = await app.ClientAsync(world.SupervisorB);
        var before = await QueueAsync(supervisorA);
        var started = DateTimeOffset.UtcNow;

        var resubmitted = await SubmittedAsync(counselorA, "差し戻されて出し直した相談");
        var first = await SubmittedAsync(counselor2A, "先に決裁を待っている相談");
        await OkAsync(supervisorA.PostJsonAsync($"/api/cases/{resubmitted.Id}/transitions", new { action = "Return", comment = "処理経過を補ってください" }));
        await OkAsync(counselorA.PostJsonAsync($"/api/cases/{resubmitted.Id}/transitions", new { action = "SubmitForApproval" }));
        var inB = await SubmittedAsync(await app.ClientAsync(world.CounselorB), "B センターの決裁待ち");
        var notSubmitted = await RegisterAsync(counselorA, "まだ対応中の相談", i => i.ResultCode = "R1");

        var queue = (await QueueAsync(supervisorA)).Where(i => before.All(b => b.CaseId != i.CaseId)).ToList();

        Assert.Equal([first.Id, resubmitted.Id], queue.Select(i => i.CaseId));
        Assert.Equal([world.Counselor2A.DisplayName, world.CounselorA.DisplayName], queue.Select(i => i.SubmittedByName));
        Assert.Equal([first.ReceiptNumber, resubmitted.ReceiptNumber], queue.Select(i => i.ReceiptNumber));
        Assert.All(queue, i => Assert.InRange(i.SubmittedAt, started, DateTimeOffset.UtcNow));
        Assert.True(queue[0].SubmittedAt < queue[1].SubmittedAt);
        Assert.Equal("健康食品", queue[0].ProductName);
        Assert.DoesNotContain(await QueueAsync(supervisorA), i => i.CaseId == inB.Id || i.CaseId == notSubmitted.Id);
        Assert.Contains(await QueueAsync(supervisorB), i => i.CaseId == inB.Id);
        Assert.DoesNotContain(await QueueAsync(supervisorB), i => i.CaseId == first.Id || i.CaseId == resubmitted.Id);

        await OkAsync(supervisorA.PostJsonAsync($"/api/cases/{first.Id}/transitions", new { action = "Approve" }));
        Assert.DoesNotContain(await QueueAsync(supervisorA), i => i.CaseId == first.Id);
    }

    [Fact]
    public async Task OnlyStaffWhoWorkOnCasesAreOfferedAsAssignees()
    {
        var world = app.World;

        var offered = await app.AsUserAsync(world.CounselorA, cases => cases.AssignableStaffAsync());

        // Center administrators work on their center's cases (docs/security.md); the other administrators and analysts do not.
        Assert.Equal(
            new[] { world.CounselorA, world.Counselor2A, world.SupervisorA, world.CenterAdminA, world.AdminWithoutTwoFactorA }.Select(u => u.Id).Order(),
            offered.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task AssigningAPrefectureAdministratorOnEditIsRefused()
    {
        var counselor = await app.ClientAsync(app.World.CounselorA);
        var created = await RegisterAsync(counselor, "担当者の変更");
        var edit = CaseInputs.Valid("担当者の変更");
        edit.ReceivedAt = created.ReceivedAt;
        edit.AssigneeId = app.World.PrefectureAdminA.Id;

        using var response = await counselor.PutJsonAsync($"/api/cases/{created.Id}", new { version = created.Version, @case = edit });

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal("担当者は相談を担当できる職員（相談員・決裁者・センター管理者）から選んでください。", problem["errors"]!["AssigneeId"]![0]!.GetValue<string>());
        Assert.Equal(app.World.CounselorA.Id, (await app.LoadCaseAsync(created.Id)).AssigneeId);

        edit.AssigneeId = app.World.SupervisorA.Id;
        var reassigned = await OkAsync(counselor.PutJsonAsync($"/api/cases/{created.Id}", new { version = created.Version, @case = edit }));
        Assert.Equal(app.World.SupervisorA.DisplayName, reassigned.AssigneeName);
    }

    private static async Task<CaseDetail> SubmittedAsync(HttpClient client, string summary)
    {
        var created = await RegisterAsync(client, summary, i => i.ResultCode = "R1");
        await OkAsync(client.PostJsonAsync($"/api/cases/{created.Id}/handling-log", CaseInputs.Log()));
        return await OkAsync(client.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "SubmitForApproval" }));
    }

    private static async Task<List<AwaitingApprovalItem>> QueueAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/approvals");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<List<AwaitingApprovalItem>>();
    }

    private static async Task<CaseDetail> OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<CaseDetail>();
    }

    private static async Task<CaseDetail> RegisterAsync(HttpClient client, string summary, Action<CaseInput>? customize = null)
    {
        var input = CaseInputs.Valid(summary);
        customize?.Invoke(input);
        using var response = await client.PostJsonAsync("/api/cases", input);
        await response.ExpectAsync(HttpStatusCode.Created);
        return await response.ReadAsync<CaseDetail>();
    }
}

public sealed class ApprovalOnSqliteTests(SqliteApp app) : ApprovalTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ApprovalOnPostgresTests(PostgresApp app) : ApprovalTests(app), IClassFixture<PostgresApp>;
