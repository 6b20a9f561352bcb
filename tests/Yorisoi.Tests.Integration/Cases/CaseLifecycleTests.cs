using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Cases;

/// <summary>A case's life through the API: concurrent edits, the timeline of every change, approval, and repeat consumers.</summary>
public abstract class CaseLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task TheSecondOfTwoEditsFromTheSameVersionIsRefusedWithTheFirstOnesChange()
    {
        var first = await app.ClientAsync(app.World.CounselorA);
        var second = await app.ClientAsync(app.World.Counselor2A);
        var created = await RegisterAsync(first, "同時編集の確認");
        var readByFirst = await GetAsync(first, created.Id);
        var readBySecond = await GetAsync(second, created.Id);
        Assert.Equal(readByFirst.Version, readBySecond.Version);

        using var firstSave = await first.PutJsonAsync($"/api/cases/{created.Id}", new { version = readByFirst.Version, @case = Edited("一人目が書き直した概要", amountPaid: 0) });
        using var secondSave = await second.PutJsonAsync($"/api/cases/{created.Id}", new { version = readBySecond.Version, @case = Edited("二人目が書き直した概要", amountPaid: 5_000) });

        await firstSave.ExpectAsync(HttpStatusCode.OK);
        var problem = JsonNode.Parse(await secondSave.ExpectAsync(HttpStatusCode.Conflict))!;
        Assert.Equal("他の職員がこの相談を先に更新しました。最新の内容と入力内容を見比べてから、もう一度保存してください。", problem["title"]!.GetValue<string>());
        var current = problem["current"]!;
        Assert.Equal("一人目が書き直した概要", current["summary"]!.GetValue<string>());
        Assert.Equal(readByFirst.Version + 1, current["version"]!.GetValue<int>());

        var stored = await GetAsync(first, created.Id);
        Assert.Equal("一人目が書き直した概要", stored.Summary);
        Assert.Equal(0, stored.AmountPaid);

        // The second person, having seen both versions, saves again on top of the current one: nothing is lost.
        using var retry = await second.PutJsonAsync($"/api/cases/{created.Id}", new { version = current["version"]!.GetValue<int>(), @case = Edited("一人目が書き直した概要", amountPaid: 5_000) });
        await retry.ExpectAsync(HttpStatusCode.OK);
        var history = await HistoryAsync(first, created.Id);
        Assert.Contains(history, e => e.Field == "Summary" && e.NewValue == "一人目が書き直した概要" && e.UserName == app.World.CounselorA.DisplayName);
        Assert.Contains(history, e => e.Field == "AmountPaid" && e.OldValue == "0" && e.NewValue == "5000" && e.UserName == app.World.Counselor2A.DisplayName);
    }

    [Fact]
    public async Task EditsRacingFromTheSameVersionLetExactlyOneWin()
    {
        var first = await app.SignInAsync(app.World.CounselorA);
        var second = await app.SignInAsync(app.World.Counselor2A);
        for (var round = 0; round < 5; round++)
        {
            var created = await RegisterAsync(first, $"同時保存の競争 {round}");
            var saves = await Task.WhenAll(
                first.PutJsonAsync($"/api/cases/{created.Id}", new { version = created.Version, @case = Edited("一人目", amountPaid: 1) }),
                second.PutJsonAsync($"/api/cases/{created.Id}", new { version = created.Version, @case = Edited("二人目", amountPaid: 2) }));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], saves.Select(s => s.StatusCode).Order());
            var winner = await saves.Single(s => s.StatusCode == HttpStatusCode.OK).ReadAsync<CaseDetail>();
            var loser = JsonNode.Parse(await saves.Single(s => s.StatusCode == HttpStatusCode.Conflict).ExpectAsync(HttpStatusCode.Conflict))!;
            Assert.Equal(winner.Summary, loser["current"]!["summary"]!.GetValue<string>());
            var stored = await app.LoadCaseAsync(created.Id);
            Assert.Equal((winner.Summary, winner.AmountPaid, created.Version + 1), (stored.Summary, stored.AmountPaid, stored.Version));
            foreach (var save in saves)
            {
                save.Dispose();
            }
        }

        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task ATransitionFromAStaleVersionIsRefused()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        var created = await RegisterAsync(client, "古い版からの状態変更");
        using var edit = await client.PutJsonAsync($"/api/cases/{created.Id}", new { version = created.Version, @case = Edited("更新", amountPaid: 0) });
        await edit.ExpectAsync(HttpStatusCode.OK);

        using var stale = await client.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "Start", version = created.Version });

        await stale.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal(CaseStatus.Received, (await app.LoadCaseAsync(created.Id)).Status);
    }

    [Fact]
    public async Task EveryChangeIsOnTheTimelineWithWhoWhenOldAndNew()
    {
        var world = app.World;
        var counselor = await app.ClientAsync(world.CounselorA);
        var supervisor = await app.ClientAsync(world.SupervisorA);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = await RegisterAsync(counselor, "経過の記録の確認");
        var id = created.Id;

        var edit = CaseInputs.Valid("経過の記録の確認（聞き取りを追記）");
        edit.ReceivedAt = created.ReceivedAt;
        edit.Consultant.Phone = "03-5555-0001";
        edit.Business.Name = "株式会社変更後";
        edit.ProductCode = "0601";
        edit.KeywordCodes = ["K0101"];
        edit.AmountPaid = 3_000;
        await Ok(counselor.PutJsonAsync($"/api/cases/{id}", new { version = created.Version, @case = edit }));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/handling-log", CaseInputs.Log("事業者に解約を申し出るよう助言。")));
        await Ok(counselor.PostAsync($"/api/cases/{id}/mediation/start", null));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/mediation/entries", CaseInputs.Log("事業者に電話し、返金を求めた。", counterpart: "T2")));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/mediation/end", new { outcome = "Resolved", amountRelieved = 9_800 }));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/shares", new { centerId = world.CenterC.Id, reason = "事業者所在地のセンターと連携" }));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "SubmitForApproval" }));
        await Ok(supervisor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Return", comment = "処理結果の記載を補ってください" }));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "SubmitForApproval" }));
        await Ok(supervisor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Approve" }));
        await Ok(supervisor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Reopen", comment = "事業者から追加の連絡があったため" }));

        var timeline = await HistoryAsync(counselor, id);

        Assert.All(timeline, e => Assert.InRange(e.At, started, DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
        Assert.Equal(("Created", world.CounselorA.DisplayName), (timeline[0].Kind, timeline[0].UserName));

        Field("Summary", "経過の記録の確認", "経過の記録の確認（聞き取りを追記）");
        Field("Business.Name", "株式会社テスト通販", "株式会社変更後");
        Field("ProductCode", "0201", "0601");
        Field("AmountPaid", "0", "3000");
        Field("AmountRelieved", null, "9800");
        Field("ResultCode", null, "R3");
        Assert.Contains(timeline, e => e.Field == "Keywords" && e.OldValue == "K0208" && e.NewValue is null);
        Assert.Contains(timeline, e => e.Field == "Keywords" && e.OldValue is null && e.NewValue == "K0101");
        var phone = Assert.Single(timeline, e => e.Field == "Consultant.Phone");
        Assert.True(phone.IsPersonal);
        Assert.Equal(("＊＊＊", "＊＊＊"), (phone.OldValue, phone.NewValue));

        Assert.Equal(
            [
                "Created", "HandlingLogAdded", "StatusChanged", "MediationStarted", "HandlingLogAdded", "MediationEnded", "Shared",
                "StatusChanged", "StatusChanged", "StatusChanged", "StatusChanged", "StatusChanged",
            ],
            timeline.Where(e => e.Kind != "FieldChanged").Select(e => e.Kind));
        var statuses = timeline.Where(e => e.Kind == "StatusChanged").Select(e => (e.OldValue, e.NewValue, e.Comment, e.UserName)).ToList();
        Assert.Equal(
            [
                ("受付", "対応中", null, world.CounselorA.DisplayName),
                ("対応中", "決裁待ち", "決裁依頼", world.CounselorA.DisplayName),
                ("決裁待ち", "対応中", "差戻し：処理結果の記載を補ってください", world.SupervisorA.DisplayName),
                ("対応中", "決裁待ち", "決裁依頼", world.CounselorA.DisplayName),
                ("決裁待ち", "完了", "決裁（承認）", world.SupervisorA.DisplayName),
                ("完了", "対応中", "再開：事業者から追加の連絡があったため", world.SupervisorA.DisplayName),
            ],
            statuses);
        Assert.Contains(timeline, e => e.Kind == "HandlingLogAdded" && e.Comment == "あっせん");
        Assert.Contains(timeline, e => e.Kind == "MediationEnded" && e.Comment == "あっせん解決");
        Assert.Contains(timeline, e => e.Kind == "Shared" && e.NewValue == world.CenterC.Name && e.Comment == "事業者所在地のセンターと連携");

        var detail = await GetAsync(counselor, id);
        Assert.Equal(2, detail.HandlingLog.Count);
        Assert.Equal([HandlingLogKind.Handling, HandlingLogKind.Mediation], detail.HandlingLog.Select(e => e.Kind));
        Assert.Equal((MediationOutcome.Resolved, true), (detail.MediationOutcome, detail.MediationEndedAt is not null));
        Assert.Equal([world.CenterC.Id], detail.SharedWithCenterIds);

        void Field(string field, string? oldValue, string? newValue)
        {
            var entry = Assert.Single(timeline, e => e.Field == field);
            Assert.Equal(("FieldChanged", oldValue, newValue, false), (entry.Kind, entry.OldValue, entry.NewValue, entry.IsPersonal));
            Assert.False(string.IsNullOrEmpty(entry.UserName));
        }
    }

    [Fact]
    public async Task ASupervisorApprovesAndTheApprovedCaseIsReadOnlyUntilReopened()
    {
        var world = app.World;
        var counselor = await app.ClientAsync(world.CounselorA);
        var supervisor = await app.ClientAsync(world.SupervisorA);
        var created = await RegisterAsync(counselor, "決裁の流れ", i => i.ResultCode = "R1");
        var id = created.Id;
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Start" }));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/handling-log", CaseInputs.Log()));
        await Ok(counselor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "SubmitForApproval" }));

        using var byCounselor = await counselor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Approve" });
        var refused = JsonNode.Parse(await byCounselor.ExpectAsync(HttpStatusCode.Forbidden))!;
        Assert.Equal("この操作は決裁権限のある職員だけが行えます。", refused["title"]!.GetValue<string>());
        Assert.Equal(CaseStatus.AwaitingApproval, (await app.LoadCaseAsync(id)).Status);

        var approved = await Ok(supervisor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Approve" }));
        Assert.Equal(CaseStatus.Completed, approved.Status);
        Assert.Equal(world.SupervisorA.DisplayName, approved.ApprovedByName);
        Assert.NotNull(approved.ApprovedAt);

        using var put = await counselor.PutJsonAsync($"/api/cases/{id}", new { version = approved.Version, @case = Edited("決裁後の書き換え", amountPaid: 1) });
        var readOnly = JsonNode.Parse(await put.ExpectAsync(HttpStatusCode.Forbidden))!;
        Assert.Equal("決裁済みの相談は編集できません。再開してから編集してください。", readOnly["title"]!.GetValue<string>());
        using var log = await counselor.PostJsonAsync($"/api/cases/{id}/handling-log", CaseInputs.Log());
        await log.ExpectAsync(HttpStatusCode.Forbidden);
        using var mediation = await counselor.PostAsync($"/api/cases/{id}/mediation/start", null);
        await mediation.ExpectAsync(HttpStatusCode.Forbidden);
        using var bySupervisor = await supervisor.PutJsonAsync($"/api/cases/{id}", new { version = approved.Version, @case = Edited("決裁後の書き換え", amountPaid: 1) });
        await bySupervisor.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(approved.Version, (await app.LoadCaseAsync(id)).Version);

        foreach (var comment in new string?[] { null, "", "   \n\t", "\u0000\u0001" })
        {
            using var reopen = await supervisor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Reopen", comment });
            var problem = JsonNode.Parse(await reopen.ExpectAsync(HttpStatusCode.BadRequest))!;
            Assert.Equal("コメントを入力してください（差戻し・再開には理由が必要です）。", problem["errors"]!["Comment"]![0]!.GetValue<string>());
        }

        Assert.Equal(CaseStatus.Completed, (await app.LoadCaseAsync(id)).Status);
        var reopened = await Ok(supervisor.PostJsonAsync($"/api/cases/{id}/transitions", new { action = "Reopen", comment = "相談者から再度の申出" }));
        Assert.Equal(CaseStatus.InProgress, reopened.Status);
        Assert.Null(reopened.ApprovedAt);
        Assert.Contains(await HistoryAsync(counselor, id), e => e.Kind == "StatusChanged" && e.NewValue == "対応中" && e.Comment == "再開：相談者から再度の申出" && e.UserName == world.SupervisorA.DisplayName);

        await Ok(counselor.PutJsonAsync($"/api/cases/{id}", new { version = reopened.Version, @case = Edited("再開後の追記", amountPaid: 0) }));
    }

    [Fact]
    public async Task AReturnNeedsACommentAndTheCommentIsKept()
    {
        var counselor = await app.ClientAsync(app.World.CounselorA);
        var centerAdmin = await app.ClientAsync(app.World.CenterAdminA);
        var created = await RegisterAsync(counselor, "差戻しの確認", i => i.ResultCode = "R5");
        await Ok(counselor.PostJsonAsync($"/api/cases/{created.Id}/handling-log", CaseInputs.Log()));
        await Ok(counselor.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "SubmitForApproval" }));

        using var withoutComment = await centerAdmin.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "Return" });
        await withoutComment.ExpectAsync(HttpStatusCode.BadRequest);
        using var byCounselor = await counselor.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "Return", comment = "自分で差し戻す" });
        await byCounselor.ExpectAsync(HttpStatusCode.Forbidden);

        var returned = await Ok(centerAdmin.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action = "Return", comment = "  相談者の要望を明記してください\u0007 " }));

        Assert.Equal(CaseStatus.InProgress, returned.Status);
        Assert.Equal("相談者の要望を明記してください", returned.ReturnComment);
    }

    [Theory]
    [InlineData("Approve", "受付")]
    [InlineData("Return", "受付")]
    [InlineData("Reopen", "受付")]
    public async Task AnActionTheCurrentStatusDoesNotAllowIsABadRequest(string action, string status)
    {
        var supervisor = await app.ClientAsync(app.World.SupervisorA);
        var created = await RegisterAsync(supervisor, "できない状態変更");

        using var response = await supervisor.PostJsonAsync($"/api/cases/{created.Id}/transitions", new { action, comment = "理由" });

        var problem = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.BadRequest))!;
        Assert.Equal($"現在の状態（{status}）からはこの操作はできません。", problem["errors"]!["Action"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AKnownPhoneNumberShowsTheCentersEarlierCasesOnly()
    {
        var world = app.World;
        var counselorA = await app.ClientAsync(world.CounselorA);
        var counselorB = await app.ClientAsync(world.CounselorB);
        var phone = CaseInputs.RandomMobile();
        var digits = phone.Replace("-", "", StringComparison.Ordinal);

        var first = await RegisterAsync(counselorA, "初めての相談", i => i.Consultant.Phone = phone);
        var inB = await RegisterAsync(counselorB, "同じ人が別のセンターに", i => i.Consultant.Phone = ToFullWidth(phone));
        var second = await RegisterAsync(counselorA, "家族が本人の件で", i =>
        {
            i.Consultant.Phone = CaseInputs.RandomMobile();
            i.ContractPartyIsConsultant = false;
            i.RelationshipCode = "L3";
            i.ContractParty = new PartyInput { Phone = "+81 " + digits[1..], AgeBandCode = "A8" };
        });

        var fromA = await LookupAsync(counselorA, phone);
        Assert.Equal([(second.Id, "契約当事者"), (first.Id, "相談者")], fromA.Select(m => (m.CaseId, m.Role)));
        Assert.Equal(first.ReceiptNumber, fromA[1].ReceiptNumber);
        Assert.Equal("健康食品", fromA[1].ProductName);
        Assert.Equal(fromA.Select(m => m.CaseId), (await LookupAsync(counselorA, "+81" + digits[1..])).Select(m => m.CaseId));
        Assert.Equal(fromA.Select(m => m.CaseId), (await LookupAsync(counselorA, ToFullWidth(phone))).Select(m => m.CaseId));
        Assert.Equal([first.Id], (await LookupAsync(counselorA, phone, excludeCaseId: second.Id)).Select(m => m.CaseId));
        Assert.Equal([inB.Id], (await LookupAsync(counselorB, phone)).Select(m => m.CaseId));
        using (var malformed = await counselorA.PostJsonAsync("/api/repeat-consumers/search", new { phone = "not a phone" }))
        {
            await malformed.ExpectAsync(HttpStatusCode.BadRequest);
        }

        var audits = await app.AuditAsync(second.Id, AuditActions.RepeatConsumerLookup);
        Assert.Single(audits);
        Assert.Equal(("Phone", "1 match(es)"), (audits[0].Fields, audits[0].Detail));
    }

    private static async Task<List<RepeatConsumerMatch>> LookupAsync(HttpClient client, string phone, Guid? excludeCaseId = null)
    {
        using var response = await client.PostJsonAsync("/api/repeat-consumers/search", new { phone, excludeCaseId });
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<List<RepeatConsumerMatch>>();
    }

    private static string ToFullWidth(string text) => new(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '-' ? '－' : c).ToArray());

    private static CaseInput Edited(string summary, long amountPaid)
    {
        var input = CaseInputs.Valid(summary);
        input.AmountPaid = amountPaid;
        return input;
    }

    private static async Task<CaseDetail> Ok(Task<HttpResponseMessage> request)
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

    private static async Task<CaseDetail> GetAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/cases/{id}");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<CaseDetail>();
    }

    private static async Task<List<TimelineEntry>> HistoryAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/cases/{id}/history");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsync<List<TimelineEntry>>();
    }
}

public sealed class CaseLifecycleOnSqliteTests(SqliteApp app) : CaseLifecycleTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CaseLifecycleOnPostgresTests(PostgresApp app) : CaseLifecycleTests(app), IClassFixture<PostgresApp>;
