using System.Net;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;
using static Yorisoi.Tests.Integration.Security.PermissionMatrixKnowledgeReadTests;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// The knowledge base's changing endpoints × the same columns and targets as <see cref="PermissionMatrixKnowledgeReadTests"/>.
/// Each endpoint and target has its own entry, already in the state the action needs, so the one cell allowed to act
/// succeeds whatever order the cells run in, and every refused cell is refused on rights, never on state.
/// </summary>
public abstract class PermissionMatrixKnowledgeWriteTests(AppFixture app)
{
    //                                                         anon coun sup  cadm padm anal sys  edA  appA edN  appN
    private static readonly Dictionary<string, int[]> EditorAction = new()
    {
        [National] = [401, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403],
        [PermissionMatrix.Own] = [401, 403, 403, 403, 403, 403, 403, 200, 403, 404, 403],
        [PermissionMatrix.Other] = [401, 403, 403, 403, 403, 403, 403, 404, 403, 404, 403],
    };

    private static readonly Dictionary<string, int[]> ApproverAction = new()
    {
        [National] = [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200],
        [PermissionMatrix.Own] = [401, 403, 403, 403, 403, 403, 403, 403, 200, 403, 404],
        [PermissionMatrix.Other] = [401, 403, 403, 403, 403, 403, 403, 403, 404, 403, 404],
    };

    /// <summary>Endpoint → (state its entries start in, table).</summary>
    private static readonly Dictionary<string, (FaqVersionState State, Dictionary<string, int[]> Table)> Actions = new(StringComparer.Ordinal)
    {
        ["PUT edit"] = (FaqVersionState.Published, EditorAction),
        ["POST submit"] = (FaqVersionState.Draft, EditorAction),
        ["POST return"] = (FaqVersionState.InReview, ApproverAction),
        ["POST approve"] = (FaqVersionState.InReview, ApproverAction),
        ["POST publish"] = (FaqVersionState.Approved, ApproverAction),
        ["POST retire"] = (FaqVersionState.Published, ApproverAction),
        ["POST restore"] = (FaqVersionState.Retired, ApproverAction),
    };

    private static readonly int[] Create = [401, 403, 403, 403, 403, 403, 403, 201, 403, 201, 403];

    public static TheoryData<string, string, string, int> ActionCells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (endpoint, (_, table)) in Actions)
        {
            foreach (var (role, target, status) in Expand(table))
            {
                data.Add(endpoint, role, target, status);
            }
        }

        return data;
    }

    public static TheoryData<string, int> CreateCells()
    {
        var data = new TheoryData<string, int>();
        for (var i = 0; i < Columns.Length; i++)
        {
            data.Add(Columns[i], Create[i]);
        }

        return data;
    }

    private static string EntryId(string endpoint, string target) => $"w-{endpoint.Split(' ')[1]}-{target}";

    private Task<KnowledgeWorld> SetUpAsync() => app.OnceAsync(async a =>
    {
        var world = await KnowledgeWorld.SeedAsync(a);
        foreach (var (endpoint, (state, _)) in Actions)
        {
            await KnowledgeWorld.SeedEntryAsync(a, EntryId(endpoint, National), null, state, world.NationalEditor);
            await KnowledgeWorld.SeedEntryAsync(a, EntryId(endpoint, PermissionMatrix.Own), a.World.CenterA.Id, state, a.World.RoleUsersA[Roles.FaqEditor]);
            await KnowledgeWorld.SeedEntryAsync(a, EntryId(endpoint, PermissionMatrix.Other), a.World.CenterB.Id, state, world.EditorB);
        }

        return world;
    });

    private async Task<HttpClient> ClientAsync(KnowledgeWorld world, string column) => column switch
    {
        PermissionMatrix.Anonymous => app.AnonymousClient(),
        NationalEditor => await app.ClientAsync(world.NationalEditor),
        NationalApprover => await app.ClientAsync(world.NationalApprover),
        _ => await app.ClientAsync(app.World.RoleUsersA[column]),
    };

    [Theory]
    [MemberData(nameof(ActionCells))]
    public async Task ActionAnswersAsTheMatrixSays(string endpoint, string column, string target, int status)
    {
        var world = await SetUpAsync();
        var client = await ClientAsync(world, column);
        var id = EntryId(endpoint, target);
        var historyBefore = await app.AsSystemAsync(db => Task.FromResult(db.FaqHistory.Count(h => h.EntryId == id)));

        using var response = endpoint == "PUT edit"
            ? await client.PutJsonAsync($"/api/knowledge/entries/{id}", new { entry = KnowledgeWorld.Input(id) })
            : await client.PostJsonAsync($"/api/knowledge/entries/{id}/{endpoint.Split(' ')[1]}", new { comment = "matrix" });

        await response.ExpectAsync((HttpStatusCode)status);
        var historyAfter = await app.AsSystemAsync(db => Task.FromResult(db.FaqHistory.Count(h => h.EntryId == id)));
        Assert.True(status == 200 ? historyAfter > historyBefore : historyAfter == historyBefore, $"history {historyBefore} → {historyAfter}");
    }

    [Theory]
    [MemberData(nameof(CreateCells))]
    public async Task CreateAnswersEachRoleAsTheMatrixSays(string column, int status)
    {
        var world = await SetUpAsync();
        var client = await ClientAsync(world, column);
        var id = "w-create-" + column.Replace('.', '-').ToLowerInvariant();

        using var response = await client.PostJsonAsync("/api/knowledge/entries", KnowledgeWorld.Input(id));

        await response.ExpectAsync((HttpStatusCode)status);
        var owner = await app.AsSystemAsync(db => Task.FromResult(db.FaqEntries.Where(e => e.Id == id).Select(e => new { e.OwnerCenterId }).SingleOrDefault()));
        if (status == 201)
        {
            Assert.Equal(column == NationalEditor ? null : app.World.CenterA.Id, owner!.OwnerCenterId);
        }
        else
        {
            Assert.Null(owner);
        }
    }
}

public sealed class PermissionMatrixKnowledgeWriteOnSqliteTests(SqliteApp app) : PermissionMatrixKnowledgeWriteTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixKnowledgeWriteOnPostgresTests(PostgresApp app) : PermissionMatrixKnowledgeWriteTests(app), IClassFixture<PostgresApp>;
