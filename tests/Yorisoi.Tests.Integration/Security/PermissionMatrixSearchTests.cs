using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Case search and similar cases × every role × own / other / shared case, against the fixed <see cref="TestWorld"/>.
/// Results are checked for the exact set of cases, which must be the set the database lets the user's center see.
/// </summary>
public abstract class PermissionMatrixSearchTests(AppFixture app) : IAsyncLifetime
{
    //                                           anon counselor supervisor center-admin pref-admin analyst sys-admin
    private static readonly Dictionary<string, int[]> SimilarRead = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 200, 200, 200, 403, 403, 403],
    };

    private static readonly Dictionary<string, int[]> RoleEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/search/cases?q=相談"] = [401, 200, 200, 200, 403, 403, 403],
        ["GET /api/search/cases"] = [401, 200, 200, 200, 403, 403, 403],
        ["GET /api/search/cases?q=相談&status=Received&sort=date"] = [401, 200, 200, 200, 403, 403, 403],
    };

    public Task InitializeAsync() => SearchIndexWait.CaughtUpAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, int> SimilarCells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (role, target, status) in Expand(SimilarRead))
        {
            data.Add(role, target, status);
        }

        return data;
    }

    public static TheoryData<string, int> RoleCells()
    {
        var data = new TheoryData<string, int>();
        foreach (var (endpoint, statuses) in RoleEndpoints)
        {
            foreach (var (role, status) in Expand(statuses))
            {
                data.Add(endpoint + " " + role, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleCells))]
    public async Task SearchAnswersEachRoleAsTheMatrixSays(string endpointAndRole, int status)
    {
        var role = endpointAndRole[(endpointAndRole.LastIndexOf(' ') + 1)..];
        var url = endpointAndRole.Split(' ')[1];
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.GetAsync(url);

        await response.ExpectAsync((HttpStatusCode)status);
    }

    [Theory]
    [MemberData(nameof(SimilarCells))]
    public async Task SimilarCasesAnswerAsTheMatrixSays(string role, string target, int status)
    {
        var world = app.World;
        var caseId = target switch { Own => world.A1.Id, Other => world.B1.Id, _ => world.B2.Id };
        var user = role == Anonymous ? null : world.RoleUsersA[role];
        var deniedBefore = (await app.AuditAsync(caseId, AuditActions.DeniedCaseAccess)).Count;
        var client = user is null ? app.AnonymousClient() : await app.ClientAsync(user);

        using var response = await client.GetAsync($"/api/cases/{caseId}/similar");

        await response.ExpectAsync((HttpStatusCode)status);
        var denied = await app.AuditAsync(caseId, AuditActions.DeniedCaseAccess);
        if (status == 404)
        {
            // Another center's case: not found, and the attempt is audited and logged, as opening it would be.
            Assert.Equal(deniedBefore + 1, denied.Count);
            Assert.Equal(user!.Id, denied[^1].UserId);
            Assert.Contains(app.Logs.Entries, log => log.Level == LogLevel.Warning && log.Message.Contains(caseId.ToString(), StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(deniedBefore, denied.Count);
        }
    }

    public static TheoryData<string, string, string[]> SearchCells() => new()
    {
        // user, query, exact cases returned: the center's own and those shared with it, never another center's.
        { "A.counselor", "?q=相談", ["A1", "A2", "B2"] },
        { "A.supervisor", "?q=相談", ["A1", "A2", "B2"] },
        { "A.center-admin", "?q=相談", ["A1", "A2", "B2"] },
        { "A.counselor2", "?q=相談", ["A1", "A2", "B2"] },
        { "B.counselor", "?q=相談", ["B1", "B2", "C1"] },
        { "B.supervisor", "?q=相談", ["B1", "B2", "C1"] },
        { "C.counselor", "?q=相談", ["C1"] },
        { "C.supervisor", "?q=相談", ["C1"] },
        { "A.counselor", "", ["A1", "A2", "B2"] },
        { "B.counselor", "?sort=date", ["B1", "B2", "C1"] },
        { "C.counselor", "", ["C1"] },
        { "A.counselor", "?q=相談&status=InProgress", ["A2"] },
        { "A.counselor", "?q=相談&status=Received", ["A1", "B2"] },
        { "A.counselor", "?q=相談&status=Completed", [] },
        { "A.counselor", "?q=事業者:エー商事", ["A1"] },
        { "A.counselor", "?q=事業者:ｴｰ商事", ["A1"] },
        { "B.counselor", "?q=事業者:エー商事", ["B1", "C1"] },
        { "C.counselor", "?q=事業者:エー商事", ["C1"] },
        { "A.counselor", "?q=共有", ["B2"] },
        { "C.counselor", "?q=共有", ["C1"] },
        { "A.counselor", "?q=相談&product=02", ["A1", "A2", "B2"] },
        { "A.counselor", "?q=相談&product=0601", [] },
        { "A.counselor", "?q=相談&salesForm=S3", ["A1", "A2", "B2"] },
        { "A.counselor", "?q=相談 -受付", ["A2", "B2"] },
        // A receipt number finds one case, and only where the database would show it.
        { "A.counselor", "?q=受付番号:{A1}", ["A1"] },
        { "A.counselor", "?q=受付番号:{B2}", ["B2"] },
        { "A.counselor", "?q=受付番号:{B1}", [] },
        { "C.counselor", "?q=受付番号:{A1}", [] },
        { "B.counselor", "?q=受付番号:{C1}", ["C1"] },
    };

    [Theory]
    [MemberData(nameof(SearchCells))]
    public async Task SearchReturnsExactlyTheCasesTheUsersCenterMaySee(string userKey, string query, string[] expected)
    {
        var world = app.World;
        var names = Names();
        foreach (var (name, detail) in new[] { ("{A1}", world.A1), ("{A2}", world.A2), ("{B1}", world.B1), ("{B2}", world.B2), ("{C1}", world.C1) })
        {
            query = query.Replace(name, detail.ReceiptNumber, StringComparison.Ordinal);
        }

        var client = await app.ClientAsync(world.User(userKey));
        using var response = await client.GetAsync("/api/search/cases" + query);
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        Assert.Equal(expected.Order(StringComparer.Ordinal), SearchIndexWait.Ids(result).Select(id => names.GetValueOrDefault(id, id.ToString())).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, result["total"]!.GetValue<int>());
        Assert.All(result["hits"]!.AsArray(), h => Assert.Equal(names[h!["id"]!.GetValue<Guid>()][0] == world.User(userKey).Key[0], h["isOwnCenter"]!.GetValue<bool>()));
    }

    public static TheoryData<string, string, string[]> SimilarSets() => new()
    {
        // user, case, exact similar cases: those the user may see that share words with it, never the case itself.
        { "A.counselor", "A1", ["A2", "B2"] },
        { "A.supervisor", "B2", ["A1", "A2"] },
        { "B.counselor", "C1", ["B1", "B2"] },
        { "B.counselor", "B2", ["B1", "C1"] },
        { "C.counselor", "C1", [] },
    };

    [Theory]
    [MemberData(nameof(SimilarSets))]
    public async Task SimilarCasesAreOnlyThoseTheUsersCenterMaySee(string userKey, string source, string[] expected)
    {
        var names = Names();
        var id = names.Single(n => n.Value == source).Key;
        var client = await app.ClientAsync(app.World.User(userKey));

        using var response = await client.GetAsync($"/api/cases/{id}/similar?limit=10");
        var result = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!;

        var found = result["cases"]!.AsArray().Select(c => names[c!["id"]!.GetValue<Guid>()]).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), found);
        Assert.All(result["cases"]!.AsArray(), c => Assert.Contains("相談", c!["commonTerms"]!.AsArray().Select(t => t!.GetValue<string>())));
    }

    [Fact]
    public async Task SimilarToTextFindsOnlyVisibleCases()
    {
        var world = app.World;
        var names = Names();

        var forC = await app.AsSearchUserAsync(world.CounselorC, search => search.SimilarToTextAsync("共有した相談のこと", 10));
        var forA = await app.AsSearchUserAsync(world.CounselorA, search => search.SimilarToTextAsync("共有した相談のこと", 10));

        Assert.Equal(["C1"], forC.Cases.Select(c => names[c.Id]));
        Assert.Equal(["A1", "A2", "B2"], forA.Cases.Select(c => names[c.Id]).Order(StringComparer.Ordinal));
        Assert.Equal("B2", names[forA.Cases[0].Id]);
    }

    private Dictionary<Guid, string> Names()
    {
        var world = app.World;
        return new Dictionary<Guid, string> { [world.A1.Id] = "A1", [world.A2.Id] = "A2", [world.B1.Id] = "B1", [world.B2.Id] = "B2", [world.C1.Id] = "C1" };
    }
}

public sealed class PermissionMatrixSearchOnSqliteTests(SqliteApp app) : PermissionMatrixSearchTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixSearchOnPostgresTests(PostgresApp app) : PermissionMatrixSearchTests(app), IClassFixture<PostgresApp>;
