using System.Net;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Every changing endpoint × every role × own / other / shared case. Each cell gets a fresh case brought into the state the
/// action needs, so the cells do not depend on each other; a refused request must leave the case exactly as it was.
/// </summary>
public abstract class PermissionMatrixWriteTests(AppFixture app)
{
    //                                               anon counselor supervisor center-admin pref-admin analyst sys-admin
    // Changing a case (fields, mediation, status) belongs to its own center; a center it is shared with only reads it.
    private static readonly Dictionary<string, int[]> CaseWork = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 403, 403, 403, 403, 403, 403],
    };

    // Handling log entries may also come from a center the case is shared with: both work on the consumer's trouble.
    private static readonly Dictionary<string, int[]> HandlingLog = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 200, 200, 200, 403, 403, 403],
    };

    // Approval belongs to the approvers of the case's own center; a center the case is shared with may not approve it.
    private static readonly Dictionary<string, int[]> Approval = new()
    {
        [Own] = [401, 403, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 403, 403, 403, 403, 403, 403],
    };

    // Only the owning center shares a case onwards.
    private static readonly Dictionary<string, int[]> Sharing = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 404, 404, 404, 403, 403, 403],
    };

    private static readonly Dictionary<string, Dictionary<string, int[]>> Tables = new(StringComparer.Ordinal)
    {
        ["PUT /api/cases/{id}"] = CaseWork,
        ["POST /api/cases/{id}/handling-log"] = HandlingLog,
        ["POST /api/cases/{id}/mediation/start"] = CaseWork,
        ["POST /api/cases/{id}/mediation/entries"] = CaseWork,
        ["POST /api/cases/{id}/mediation/end"] = CaseWork,
        ["POST /api/cases/{id}/transitions Start"] = CaseWork,
        ["POST /api/cases/{id}/transitions SubmitForApproval"] = CaseWork,
        ["POST /api/cases/{id}/transitions Approve"] = Approval,
        ["POST /api/cases/{id}/transitions Return"] = Approval,
        ["POST /api/cases/{id}/transitions Reopen"] = Approval,
        ["POST /api/cases/{id}/shares"] = Sharing,
    };

    public static TheoryData<string, string, string, int> Cells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (endpoint, table) in Tables)
        {
            foreach (var (role, target, status) in Expand(table))
            {
                data.Add(endpoint, role, target, status);
            }
        }

        return data;
    }

    public static TheoryData<string, int> RegistrationCells()
    {
        var data = new TheoryData<string, int>();
        foreach (var (role, status) in Expand([401, 201, 201, 201, 403, 403, 403]))
        {
            data.Add(role, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task ChangingEndpointAnswersAsTheMatrixSays(string endpoint, string role, string target, int status)
    {
        var world = app.World;
        var subject = await PrepareAsync(endpoint, target);
        var before = await app.LoadCaseAsync(subject.Id);
        var deniedBefore = (await app.AuditAsync(subject.Id, AuditActions.DeniedCaseAccess)).Count;
        var user = role == Anonymous ? null : world.RoleUsersA[role];

        var client = user is null ? app.AnonymousClient() : await app.ClientAsync(user);
        using var response = await SendAsync(client, endpoint, subject);
        await response.ExpectAsync((HttpStatusCode)status);

        var after = await app.LoadCaseAsync(subject.Id);
        if (status == 200)
        {
            Assert.True(after.Version > before.Version, "an accepted change bumps the version");
            Assert.Equal(user!.Id, after.UpdatedById);
            var returned = await response.ReadAsync<CaseDetail>();
            Assert.Equal(after.Version, returned.Version);
        }
        else
        {
            Assert.Equal(before.Version, after.Version);
            Assert.Equal(before.Status, after.Status);
            Assert.Equal(before.Summary, after.Summary);
            Assert.Equal(before.HandlingLog.Count, after.HandlingLog.Count);
            Assert.Equal(before.Shares.Count, after.Shares.Count);
        }

        var denied = await app.AuditAsync(subject.Id, AuditActions.DeniedCaseAccess);
        Assert.Equal(deniedBefore + (status == 404 ? 1 : 0), denied.Count);
    }

    [Theory]
    [MemberData(nameof(RegistrationCells))]
    public async Task RegistrationAnswersAsTheMatrixSays(string role, int status)
    {
        var user = role == Anonymous ? null : app.World.RoleUsersA[role];
        var summary = $"登録権限の確認 {role} {Guid.NewGuid():N}";
        var client = user is null ? app.AnonymousClient() : await app.ClientAsync(user);

        using var response = await client.PostJsonAsync("/api/cases", CaseInputs.Valid(summary));
        await response.ExpectAsync((HttpStatusCode)status);

        var stored = await app.AsSystemAsync(db => Task.FromResult(db.Cases.Where(c => c.Summary == summary).Select(c => c.CenterId).ToList()));
        if (status == 201)
        {
            var created = await response.ReadAsync<CaseDetail>();
            Assert.Equal([app.World.CenterA.Id], stored);
            Assert.Equal($"/api/cases/{created.Id}", response.Headers.Location?.OriginalString);
            Assert.Equal(CaseStatus.Received, created.Status);
        }
        else
        {
            Assert.Empty(stored);
        }
    }

    /// <summary>A fresh case of the target's center in the state the endpoint's action needs.</summary>
    private async Task<CaseDetail> PrepareAsync(string endpoint, string target)
    {
        var world = app.World;
        var (counselor, supervisor) = target == Own ? (world.CounselorA, world.SupervisorA) : (world.CounselorB, world.SupervisorB);
        // 決裁依頼 and 決裁 need a result and a handling log entry; the cells test who may act, not what is missing.
        var subject = await app.RegisterAsync(counselor, i =>
        {
            i.Summary = $"権限表の確認 {endpoint} {target}";
            i.ResultCode = "R1";
        });
        if (target == Shared)
        {
            subject = await app.DoAsync(counselor, s => s.ShareAsync(subject.Id, world.CenterA.Id, "広域連携"));
        }

        var id = subject.Id;
        if (endpoint.Contains("/mediation/entries", StringComparison.Ordinal) || endpoint.Contains("/mediation/end", StringComparison.Ordinal))
        {
            subject = await app.DoAsync(counselor, s => s.StartMediationAsync(id));
        }

        if (endpoint.EndsWith("SubmitForApproval", StringComparison.Ordinal) || endpoint.EndsWith("Approve", StringComparison.Ordinal)
            || endpoint.EndsWith("Return", StringComparison.Ordinal) || endpoint.EndsWith("Reopen", StringComparison.Ordinal))
        {
            // The first handling log entry also moves the case from 受付 to 対応中.
            subject = await app.DoAsync(counselor, s => s.AddHandlingLogAsync(id, CaseInputs.Log(), HandlingLogKind.Handling));
        }

        if (endpoint.EndsWith("Approve", StringComparison.Ordinal) || endpoint.EndsWith("Return", StringComparison.Ordinal) || endpoint.EndsWith("Reopen", StringComparison.Ordinal))
        {
            subject = await app.DoAsync(counselor, s => s.TransitionAsync(id, CaseAction.SubmitForApproval, null, isApprover: false));
        }

        if (endpoint.EndsWith("Reopen", StringComparison.Ordinal))
        {
            subject = await app.DoAsync(supervisor, s => s.TransitionAsync(id, CaseAction.Approve, null, isApprover: true));
        }

        return subject;
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, CaseDetail subject)
    {
        var parts = endpoint.Split(' ');
        var url = parts[1].Replace("{id}", subject.Id.ToString(), StringComparison.Ordinal);
        return url.Split('/')[^1] switch
        {
            "handling-log" or "entries" => client.PostJsonAsync(url, CaseInputs.Log()),
            "start" => client.PostAsync(url, null),
            "end" => client.PostJsonAsync(url, new { outcome = MediationOutcome.Resolved, amountRelieved = 9_800 }),
            "transitions" => client.PostJsonAsync(url, new { action = Enum.Parse<CaseAction>(parts[2]), comment = "権限表の確認のため", version = subject.Version }),
            "shares" => client.PostJsonAsync(url, new { centerId = app.World.CenterC.Id, reason = "広域連携" }),
            _ => client.PutJsonAsync(url, new { version = subject.Version, @case = CaseInputs.Valid("権限表の確認: 更新後の概要") }),
        };
    }
}

public sealed class PermissionMatrixWriteOnSqliteTests(SqliteApp app) : PermissionMatrixWriteTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixWriteOnPostgresTests(PostgresApp app) : PermissionMatrixWriteTests(app), IClassFixture<PostgresApp>;
