using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Every reading endpoint × every role × own / other / shared case, against the fixed <see cref="TestWorld"/>.
/// Lists are checked for the exact set of cases returned.
/// </summary>
public abstract class PermissionMatrixReadTests(AppFixture app)
{
    //                                           anon counselor supervisor center-admin pref-admin analyst sys-admin
    private static readonly Dictionary<string, int[]> CaseRead = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 200, 200, 200, 403, 403, 403],
    };

    private static readonly Dictionary<string, Dictionary<string, int[]>> CaseEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/cases/{id}"] = CaseRead,
        ["GET /api/cases/{id}/personal-data"] = CaseRead,
        ["GET /api/cases/{id}/history"] = CaseRead,
        ["GET /api/cases/{id}/history?includePersonal=true"] = CaseRead,
    };

    private static readonly Dictionary<string, int[]> RoleEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/cases"] = [401, 200, 200, 200, 403, 403, 403],
        ["GET /api/cases?scope=shared"] = [401, 200, 200, 200, 403, 403, 403],
        ["POST /api/repeat-consumers/search {\"phone\":\"03-1111-0001\"}"] = [401, 200, 200, 200, 403, 403, 403],
        ["GET /api/code-lists/product?q=定期"] = [401, 200, 200, 200, 200, 200, 200],
        ["GET /api/code-lists"] = [401, 200, 200, 200, 200, 200, 200],
        ["GET /api/approvals"] = [401, 403, 200, 200, 403, 403, 403],
        ["GET /api/centers"] = [401, 200, 200, 200, 200, 200, 200],
        ["GET /api/municipalities?q=千代田"] = [401, 200, 200, 200, 200, 200, 200],
        ["POST /api/postal-codes/lookup {\"code\":\"100-0001\"}"] = [401, 200, 200, 200, 200, 200, 200],
        ["GET /api/auth/me"] = [401, 200, 200, 200, 200, 200, 200],
    };

    public static TheoryData<string, string, string, int> CaseCells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (endpoint, table) in CaseEndpoints)
        {
            foreach (var (role, target, status) in Expand(table))
            {
                data.Add(endpoint, role, target, status);
            }
        }

        return data;
    }

    public static TheoryData<string, string, int> RoleCells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (endpoint, statuses) in RoleEndpoints)
        {
            foreach (var (role, status) in Expand(statuses))
            {
                data.Add(endpoint, role, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseCells))]
    public async Task CaseEndpointAnswersAsTheMatrixSays(string endpoint, string role, string target, int status)
    {
        var world = app.World;
        var caseId = target switch { Own => world.A1.Id, Other => world.B1.Id, _ => world.B2.Id };
        var user = role == Anonymous ? null : world.RoleUsersA[role];
        var deniedBefore = (await app.AuditAsync(caseId, AuditActions.DeniedCaseAccess)).Count;

        var client = user is null ? app.AnonymousClient() : await app.ClientAsync(user);
        using var response = await client.GetAsync(endpoint.Split(' ')[1].Replace("{id}", caseId.ToString(), StringComparison.Ordinal));
        var body = await response.ExpectAsync((HttpStatusCode)status);

        if (status == 200 && endpoint == "GET /api/cases/{id}")
        {
            var detail = JsonNode.Parse(body)!;
            Assert.Equal(caseId, detail["id"]!.GetValue<Guid>());
            Assert.Equal(target == Own, detail["isOwnCenter"]!.GetValue<bool>());
        }

        var denied = await app.AuditAsync(caseId, AuditActions.DeniedCaseAccess);
        if (status == 404)
        {
            // Another center's case: not found, and the attempt is audited and logged.
            Assert.Equal(deniedBefore + 1, denied.Count);
            Assert.Equal(user!.Id, denied[^1].UserId);
            Assert.Equal(world.CenterA.Id, denied[^1].CenterId);
            Assert.Contains(app.Logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains(caseId.ToString(), StringComparison.Ordinal) && log.Message.Contains(user.Id.ToString(), StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(deniedBefore, denied.Count);
        }
    }

    [Theory]
    [MemberData(nameof(RoleCells))]
    public async Task EndpointAnswersEachRoleAsTheMatrixSays(string endpoint, string role, int status)
    {
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(app.World.RoleUsersA[role]);
        var parts = endpoint.Split(' ', 3);
        using var response = parts[0] == "POST"
            ? await client.PostAsync(parts[1], new StringContent(parts[2], System.Text.Encoding.UTF8, "application/json"))
            : await client.GetAsync(parts[1]);

        await response.ExpectAsync((HttpStatusCode)status);
    }

    public static TheoryData<string, string, string[]> ListCells() => new()
    {
        // user, query, exact cases returned
        { "A.counselor", "", ["A1", "A2"] },
        { "A.supervisor", "", ["A1", "A2"] },
        { "A.center-admin", "", ["A1", "A2"] },
        { "A.counselor", "?scope=shared", ["B2"] },
        { "A.supervisor", "?scope=shared", ["B2"] },
        { "A.center-admin", "?scope=shared", ["B2"] },
        { "A.counselor", "?scope=own", ["A1", "A2"] },
        { "B.counselor", "", ["B1", "B2"] },
        { "B.counselor", "?scope=shared", ["C1"] },
        { "C.counselor", "", ["C1"] },
        { "C.counselor", "?scope=shared", [] },
        { "A.counselor", "?status=InProgress", ["A2"] },
        { "A.counselor", "?status=Received", ["A1"] },
        { "A.counselor", "?status=Completed", [] },
        { "A.counselor", "?businessName=ｴｰ商事", ["A1"] },
        { "B.counselor", "?businessName=エー", ["B1"] },
        { "A.counselor", "?productCode=02", ["A1", "A2"] },
        { "A.counselor", "?productCode=0601", [] },
        { "A.counselor", "?salesFormCode=S3", ["A1", "A2"] },
        // A receipt number finds one case, and only where the list would show it anyway.
        { "A.counselor", "?receiptNumber={A1}", ["A1"] },
        { "A.supervisor", "?receiptNumber={A2}", ["A2"] },
        { "A.counselor", "?receiptNumber={B1}", [] },
        { "A.counselor", "?scope=shared&receiptNumber={B1}", [] },
        { "A.counselor", "?scope=shared&receiptNumber={B2}", ["B2"] },
        { "A.counselor", "?receiptNumber={B2}", [] },
        { "B.counselor", "?receiptNumber={A1}", [] },
        { "C.counselor", "?scope=shared&receiptNumber={A1}", [] },
    };

    [Theory]
    [MemberData(nameof(ListCells))]
    public async Task ListReturnsExactlyTheCasesTheUsersCenterMaySee(string userKey, string query, string[] expected)
    {
        var world = app.World;
        var names = new Dictionary<Guid, string> { [world.A1.Id] = "A1", [world.A2.Id] = "A2", [world.B1.Id] = "B1", [world.B2.Id] = "B2", [world.C1.Id] = "C1" };
        var client = await app.ClientAsync(world.User(userKey));

        foreach (var (name, detail) in new[] { ("{A1}", world.A1), ("{A2}", world.A2), ("{B1}", world.B1), ("{B2}", world.B2), ("{C1}", world.C1) })
        {
            query = query.Replace(name, detail.ReceiptNumber, StringComparison.Ordinal);
        }

        using var response = await client.GetAsync("/api/cases" + query);
        await response.ExpectAsync(HttpStatusCode.OK);
        var page = await response.ReadAsync<PagedResult<CaseListItem>>();

        Assert.Equal(expected.Order(StringComparer.Ordinal), page.Items.Select(i => names.GetValueOrDefault(i.Id, i.Id.ToString())).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Fact]
    public async Task ListIsNewestFirstByDefaultAndPagesThroughEveryCase()
    {
        var client = await app.ClientAsync(app.World.CounselorB);

        using var first = await client.GetAsync("/api/cases?pageSize=1&page=1");
        using var second = await client.GetAsync("/api/cases?pageSize=1&page=2");
        using var third = await client.GetAsync("/api/cases?pageSize=1&page=3");
        var pages = new[] { await first.ReadAsync<PagedResult<CaseListItem>>(), await second.ReadAsync<PagedResult<CaseListItem>>(), await third.ReadAsync<PagedResult<CaseListItem>>() };

        Assert.Equal([app.World.B2.Id], pages[0].Items.Select(i => i.Id));
        Assert.Equal([app.World.B1.Id], pages[1].Items.Select(i => i.Id));
        Assert.Empty(pages[2].Items);
        Assert.All(pages, p => Assert.Equal(2, p.TotalCount));

        using var ascending = await client.GetAsync("/api/cases?sort=receipt_asc");
        Assert.Equal([app.World.B1.Id, app.World.B2.Id], (await ascending.ReadAsync<PagedResult<CaseListItem>>()).Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("A.counselor", "A1")]
    [InlineData("A.supervisor", "A1")]
    [InlineData("B.counselor", "B1")]
    [InlineData("C.counselor", null)]
    public async Task RepeatConsumerLookupFindsOnlyTheOwnCentersCases(string userKey, string? expected)
    {
        var world = app.World;
        var client = await app.ClientAsync(world.User(userKey));

        using var response = await client.PostJsonAsync("/api/repeat-consumers/search", new { phone = TestWorld.SharedPhone });
        await response.ExpectAsync(HttpStatusCode.OK);
        var matches = await response.ReadAsync<List<RepeatConsumerMatch>>();

        var expectedIds = expected switch { "A1" => [world.A1.Id], "B1" => [world.B1.Id], _ => Array.Empty<Guid>() };
        Assert.Equal(expectedIds, matches.Select(m => m.CaseId));
    }

    [Fact]
    public async Task UnauthenticatedRequestsGetAProblemNotARedirect()
    {
        using var client = app.AnonymousClient();
        using var response = await client.GetAsync($"/api/cases/{app.World.A1.Id}");

        var body = await response.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("ログインが必要です。", JsonNode.Parse(body)!["title"]!.GetValue<string>());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ACaseThatDoesNotExistIsNotFoundWithoutADeniedAccessRecord()
    {
        var missing = Guid.CreateVersion7();
        var client = await app.ClientAsync(app.World.CounselorA);

        using var response = await client.GetAsync($"/api/cases/{missing}");

        await response.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Empty(await app.AuditAsync(missing, AuditActions.DeniedCaseAccess));
    }

    [Fact]
    public async Task AnotherCentersCaseLooksExactlyLikeAMissingOne()
    {
        var client = await app.ClientAsync(app.World.CounselorA);

        using var other = await client.GetAsync($"/api/cases/{app.World.B1.Id}");
        using var missing = await client.GetAsync($"/api/cases/{Guid.CreateVersion7()}");

        var otherBody = JsonNode.Parse(await other.ExpectAsync(HttpStatusCode.NotFound))!.AsObject();
        var missingBody = JsonNode.Parse(await missing.ExpectAsync(HttpStatusCode.NotFound))!.AsObject();
        otherBody.Remove("traceId");
        missingBody.Remove("traceId");
        Assert.Equal(missingBody.ToJsonString(), otherBody.ToJsonString());
    }

    [Fact]
    public async Task CentersListShowsEveryCenterForSharing()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        using var response = await client.GetAsync("/api/centers");
        var centers = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray();

        Assert.Equal(["90001", "90002", "90003"], centers.Select(c => c!["code"]!.GetValue<string>()));
    }
}

public sealed class PermissionMatrixReadOnSqliteTests(SqliteApp app) : PermissionMatrixReadTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixReadOnPostgresTests(PostgresApp app) : PermissionMatrixReadTests(app), IClassFixture<PostgresApp>;
