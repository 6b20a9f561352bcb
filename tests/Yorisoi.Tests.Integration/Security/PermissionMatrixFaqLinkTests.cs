using System.Net;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Tests.Integration.Knowledge;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// The case's knowledge-base links × every role × own / other / shared case: reading them follows the case's visibility,
/// linking and unlinking belong to the case's own center (a center it is shared with reads them only).
/// </summary>
public abstract class PermissionMatrixFaqLinkTests(AppFixture app)
{
    //                                             anon counselor supervisor center-admin pref-admin analyst sys-admin
    private static readonly Dictionary<string, int[]> Read = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 200, 200, 200, 403, 403, 403],
    };

    private static readonly Dictionary<string, int[]> Change = new()
    {
        [Own] = [401, 200, 200, 200, 403, 403, 403],
        [Other] = [401, 404, 404, 404, 403, 403, 403],
        [Shared] = [401, 403, 403, 403, 403, 403, 403],
    };

    private static readonly Dictionary<string, Dictionary<string, int[]>> Tables = new(StringComparer.Ordinal)
    {
        ["GET /api/cases/{id}/faq-links"] = Read,
        ["POST /api/cases/{id}/faq-links"] = Change,
        ["DELETE /api/cases/{id}/faq-links/{entryId}"] = Change,
    };

    private static readonly string EntryId = KnowledgeWorld.FirstShipped(FaqAudience.Public);

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

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task FaqLinkEndpointAnswersAsTheMatrixSays(string endpoint, string role, string target, int status)
    {
        var world = app.World;
        var owner = target == Own ? world.CounselorA : world.CounselorB;
        var subject = await app.RegisterAsync(owner, i => i.Summary = $"FAQ関連付けの権限 {endpoint} {target}");
        if (target == Shared)
        {
            subject = await app.DoAsync(owner, s => s.ShareAsync(subject.Id, world.CenterA.Id, "広域連携"));
        }

        // Every cell starts from one existing link, so that reading lists it and unlinking has something to remove.
        await app.AsUserAsync(owner, s => s.LinkFaqAsync(subject.Id, EntryId));
        var user = role == Anonymous ? null : world.RoleUsersA[role];
        var client = user is null ? app.AnonymousClient() : await app.ClientAsync(user);
        var url = endpoint.Split(' ')[1].Replace("{id}", subject.Id.ToString(), StringComparison.Ordinal).Replace("{entryId}", EntryId, StringComparison.Ordinal);

        using var response = endpoint.Split(' ')[0] switch
        {
            "GET" => await client.GetAsync(url),
            "POST" => await client.PostJsonAsync(url, new { entryId = EntryId }),
            _ => await client.DeleteAsync(url),
        };

        await response.ExpectAsync((HttpStatusCode)status);
        var links = await app.AsSystemAsync(db => Task.FromResult(db.CaseFaqLinks.Where(l => l.CaseId == subject.Id).Select(l => l.EntryId).ToList()));
        var removed = status == 200 && endpoint.StartsWith("DELETE", StringComparison.Ordinal);
        Assert.Equal(removed ? [] : [EntryId], links);
        if (status == 200 && !removed)
        {
            Assert.Equal([EntryId], (await response.ReadAsync<List<CaseFaqLinkItem>>()).Select(l => l.EntryId));
        }
    }
}

public sealed class PermissionMatrixFaqLinkOnSqliteTests(SqliteApp app) : PermissionMatrixFaqLinkTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixFaqLinkOnPostgresTests(PostgresApp app) : PermissionMatrixFaqLinkTests(app), IClassFixture<PostgresApp>;
