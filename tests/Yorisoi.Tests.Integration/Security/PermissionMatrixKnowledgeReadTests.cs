using System.Net;
using System.Text.Json.Nodes;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// The knowledge base's reading endpoints × every role of center A (the FAQ roles included) and the national center's
/// editor and approver × a national entry, a local entry of A (own) and one of B (other). Lists are exact sets.
/// </summary>
public abstract class PermissionMatrixKnowledgeReadTests(AppFixture app)
{
    public const string National = "national";

    public const string NationalEditor = "N.faq-editor";

    public const string NationalApprover = "N.faq-approver";

    /// <summary>Center A's user of each role, then the national center's editor and approver.</summary>
    public static readonly string[] Columns =
    [
        PermissionMatrix.Anonymous, Roles.Counselor, Roles.Supervisor, Roles.CenterAdmin, Roles.PrefectureAdmin, Roles.NationalAnalyst, Roles.SystemAdmin,
        Roles.FaqEditor, Roles.FaqApprover, NationalEditor, NationalApprover,
    ];

    public static readonly string[] Targets = [National, PermissionMatrix.Own, PermissionMatrix.Other];

    //                                                         anon coun sup  cadm padm anal sys  edA  appA edN  appN
    private static readonly Dictionary<string, int[]> StaffRead = new()
    {
        [National] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        [PermissionMatrix.Own] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 404, 404],
        [PermissionMatrix.Other] = [401, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    };

    private static readonly Dictionary<string, int[]> PublicRead = new()
    {
        [National] = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        [PermissionMatrix.Own] = [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
        [PermissionMatrix.Other] = [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    };

    private static readonly Dictionary<string, int[]> PublicFeedback = new()
    {
        [National] = [204, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
        [PermissionMatrix.Own] = [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
        [PermissionMatrix.Other] = [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
    };

    private static readonly Dictionary<string, Dictionary<string, int[]>> EntryEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/knowledge/entries/{id}"] = StaffRead,
        ["GET /api/knowledge/entries/{id}/versions"] = StaffRead,
        ["GET /api/knowledge/entries/{id}/diff?from=1&to=1"] = StaffRead,
        ["GET /api/faq/{id}"] = PublicRead,
        ["POST /api/faq/{id}/feedback {\"helpful\":true}"] = PublicFeedback,
    };

    private static readonly Dictionary<string, int[]> RoleEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/knowledge/entries"] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/knowledge/entries?audience=Internal&state=Published&owner=own&overdue=false"] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/knowledge/entries?state=Finished"] = [401, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
        ["GET /api/faq/categories"] = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/faq/search?q=定期購入"] = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/faq/search?q=定期購入&page=abc"] = [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
        ["GET /api/knowledge/search?q=定期購入"] = [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        ["GET /api/knowledge/search?q=定期購入&pageSize=0"] = [401, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400],
        ["GET /api/knowledge/review-due"] = [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200],
        ["GET /api/knowledge/stats"] = [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200],
        ["GET /api/knowledge/search-gaps"] = [401, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200],
    };

    private sealed record Fixture(KnowledgeWorld World, string NationalId);

    public static IEnumerable<(string Role, string Target, int Status)> Expand(IReadOnlyDictionary<string, int[]> table)
    {
        foreach (var target in Targets.Where(table.ContainsKey))
        {
            var statuses = table[target];
            if (statuses.Length != Columns.Length)
            {
                throw new InvalidOperationException($"Row '{target}' has {statuses.Length} statuses for {Columns.Length} columns.");
            }

            for (var i = 0; i < Columns.Length; i++)
            {
                yield return (Columns[i], target, statuses[i]);
            }
        }
    }

    public static TheoryData<string, string, string, int> EntryCells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (endpoint, table) in EntryEndpoints)
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
            for (var i = 0; i < Columns.Length; i++)
            {
                data.Add(endpoint, Columns[i], statuses[i]);
            }
        }

        return data;
    }

    private Task<Fixture> SetUpAsync() => app.OnceAsync(async a =>
    {
        var world = await KnowledgeWorld.SeedAsync(a);
        await KnowledgeWorld.SeedEntryAsync(a, "read-own-1", a.World.CenterA.Id, FaqVersionState.Published, a.World.CounselorA);
        await KnowledgeWorld.SeedEntryAsync(a, "read-own-2", a.World.CenterA.Id, FaqVersionState.Draft, a.World.CounselorA);
        await KnowledgeWorld.SeedEntryAsync(a, "read-other-1", a.World.CenterB.Id, FaqVersionState.Published, world.EditorB);
        await KnowledgeWorld.SeedEntryAsync(a, "read-national-draft", null, FaqVersionState.Draft, world.NationalEditor, FaqAudience.Public);
        return new Fixture(world, world.ShippedPublicId);
    });

    private async Task<HttpClient> ClientAsync(Fixture fixture, string column) => column switch
    {
        PermissionMatrix.Anonymous => app.AnonymousClient(),
        NationalEditor => await app.ClientAsync(fixture.World.NationalEditor),
        NationalApprover => await app.ClientAsync(fixture.World.NationalApprover),
        _ => await app.ClientAsync(app.World.RoleUsersA[column]),
    };

    [Theory]
    [MemberData(nameof(EntryCells))]
    public async Task EntryEndpointAnswersAsTheMatrixSays(string endpoint, string column, string target, int status)
    {
        var fixture = await SetUpAsync();
        var id = target switch { National => fixture.NationalId, PermissionMatrix.Own => "read-own-1", _ => "read-other-1" };
        var client = await ClientAsync(fixture, column);
        var parts = endpoint.Split(' ', 3);
        var url = parts[1].Replace("{id}", id, StringComparison.Ordinal);
        using var response = parts[0] == "POST"
            ? await client.PostAsync(url, new StringContent(parts[2], System.Text.Encoding.UTF8, "application/json"))
            : await client.GetAsync(url);

        var body = await response.ExpectAsync((HttpStatusCode)status);
        if (status == 200 && endpoint == "GET /api/knowledge/entries/{id}")
        {
            Assert.Equal(id, JsonNode.Parse(body)!["id"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(RoleCells))]
    public async Task EndpointAnswersEachRoleAsTheMatrixSays(string endpoint, string column, int status)
    {
        var fixture = await SetUpAsync();
        var client = await ClientAsync(fixture, column);
        using var response = await client.GetAsync(endpoint.Split(' ')[1]);

        await response.ExpectAsync((HttpStatusCode)status);
    }

    public static TheoryData<string, string, string[]> ListCells() => new()
    {
        // user, query, exact local entries returned (national ones are checked separately)
        { "A.counselor", "?owner=own", ["read-own-1", "read-own-2"] },
        { "A.faq-editor", "?owner=own", ["read-own-1", "read-own-2"] },
        { "A.system-admin", "?owner=own", ["read-own-1", "read-own-2"] },
        { "A.counselor", "?owner=own&state=Draft", ["read-own-2"] },
        { "A.counselor", "?owner=own&state=Published", ["read-own-1"] },
        { "A.counselor", "?owner=own&audience=Public", [] },
        { "B.counselor", "?owner=own", ["read-other-1"] },
        { "C.counselor", "?owner=own", [] },
        { NationalEditor, "?owner=own", [] },
    };

    [Theory]
    [MemberData(nameof(ListCells))]
    public async Task ListReturnsExactlyTheEntriesTheUsersCenterMaySee(string userKey, string query, string[] expected)
    {
        var fixture = await SetUpAsync();
        var user = userKey == NationalEditor ? fixture.World.NationalEditor : app.World.User(userKey);
        var client = await app.ClientAsync(user);

        using var response = await client.GetAsync("/api/knowledge/entries" + query);
        var ids = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(e => e!["id"]!.GetValue<string>());

        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string, string[]> SearchCells() => new()
    {
        // user, endpoint, exact seeded (non-shipped) entries found: published ones only, by the FaqEntry filter's rule
        { PermissionMatrix.Anonymous, "/api/faq/search", [] },
        { "A.counselor", "/api/faq/search", [] },
        { "A.counselor", "/api/knowledge/search", ["read-own-1"] },
        { "A.faq-editor", "/api/knowledge/search", ["read-own-1"] },
        { "A.system-admin", "/api/knowledge/search", ["read-own-1"] },
        { "B.counselor", "/api/knowledge/search", ["read-other-1"] },
        { "C.counselor", "/api/knowledge/search", [] },
        { NationalEditor, "/api/knowledge/search", [] },
    };

    [Theory]
    [MemberData(nameof(SearchCells))]
    public async Task SearchFindsExactlyThePublishedEntriesTheUserMaySee(string userKey, string endpoint, string[] expected)
    {
        var fixture = await SetUpAsync();
        var client = userKey == PermissionMatrix.Anonymous ? app.AnonymousClient()
            : await app.ClientAsync(userKey == NationalEditor ? fixture.World.NationalEditor : app.World.User(userKey));

        using var response = await client.GetAsync(endpoint + "?pageSize=50&q=" + Uri.EscapeDataString("の質問 の回答 見出し 本文"));
        var shipped = fixture.World.Shipped.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var ids = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!["results"]!.AsArray()
            .Select(e => e!["id"]!.GetValue<string>()).Where(id => !shipped.Contains(id));

        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("A.counselor", new[] { "read-own-1", "read-own-2" })]
    [InlineData("B.counselor", new[] { "read-other-1" })]
    [InlineData(NationalEditor, new string[0])]
    public async Task UnfilteredListIsEveryNationalEntryPlusTheOwnCentersLocalOnes(string userKey, string[] local)
    {
        var fixture = await SetUpAsync();
        var user = userKey == NationalEditor ? fixture.World.NationalEditor : app.World.User(userKey);
        var client = await app.ClientAsync(user);

        using var response = await client.GetAsync("/api/knowledge/entries");
        var ids = JsonNode.Parse(await response.ExpectAsync(HttpStatusCode.OK))!.AsArray().Select(e => e!["id"]!.GetValue<string>());

        var expected = fixture.World.Shipped.Select(d => d.Id).Append("read-national-draft").Concat(local);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }
}

public sealed class PermissionMatrixKnowledgeReadOnSqliteTests(SqliteApp app) : PermissionMatrixKnowledgeReadTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixKnowledgeReadOnPostgresTests(PostgresApp app) : PermissionMatrixKnowledgeReadTests(app), IClassFixture<PostgresApp>;
