using System.Net;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using static Yorisoi.Tests.Integration.Security.PermissionMatrix;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// The endpoints added for sessions and API keys: administration of keys by role × own / other center, the password
/// change by role, and every /api endpoint as seen by a key of center A with each scope set.
/// </summary>
public abstract class PermissionMatrixApiKeyTests(AppFixture app)
{
    //                                           anon counselor supervisor center-admin pref-admin analyst sys-admin
    // Own = center A (the role's center, prefecture 13); other = center B (prefecture 14).
    private static readonly Dictionary<string, Dictionary<string, int[]>> AdminEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/admin/api-keys?centerId={center}"] = new()
        {
            [Own] = [401, 403, 403, 200, 200, 403, 200],
            [Other] = [401, 403, 403, 403, 403, 403, 200],
        },
        ["POST /api/admin/api-keys"] = new()
        {
            [Own] = [401, 403, 403, 201, 201, 403, 201],
            [Other] = [401, 403, 403, 403, 403, 403, 201],
        },
        ["POST /api/admin/api-keys/{key}/revoke"] = new()
        {
            [Own] = [401, 403, 403, 200, 200, 403, 200],
            [Other] = [401, 403, 403, 403, 403, 403, 200],
        },
    };

    // With a wrong current password, so that no cell changes a shared test account.
    private static readonly int[] PasswordChange = [401, 400, 400, 400, 400, 400, 400];

    public const string Read = "read";
    public const string Write = "write";
    public const string ReadWrite = "read+write";

    private static readonly string[] KeyColumns = [Read, Write, ReadWrite];

    //                                                                        read write read+write
    private static readonly Dictionary<string, int[]> KeyEndpoints = new(StringComparer.Ordinal)
    {
        ["GET /api/cases"] = [200, 403, 200],
        ["GET /api/cases?scope=shared"] = [200, 403, 200],
        ["GET /api/cases/{own}"] = [200, 403, 200],
        ["GET /api/cases/{other}"] = [404, 403, 404],
        ["GET /api/cases/{shared}"] = [200, 403, 200],
        ["GET /api/cases/{own}/history"] = [200, 403, 200],
        ["GET /api/search/cases?q=相談"] = [200, 403, 200],
        ["GET /api/cases/{own}/similar"] = [200, 403, 200],
        ["GET /api/cases/{shared}/similar"] = [200, 403, 200],
        ["GET /api/cases/{other}/similar"] = [404, 403, 404],
        ["GET /api/cases/{other}/history"] = [404, 403, 404],
        ["GET /api/cases/{own}/history?includePersonal=true"] = [403, 403, 403],
        ["GET /api/cases/{own}/personal-data"] = [403, 403, 403],
        ["GET /api/cases/{shared}/personal-data"] = [403, 403, 403],
        ["POST /api/cases case"] = [403, 201, 201],
        ["POST /api/cases/{own}/handling-log log"] = [403, 200, 200],
        ["POST /api/cases/{shared}/handling-log log"] = [403, 200, 200],
        ["POST /api/cases/{other}/handling-log log"] = [403, 404, 404],
        ["PUT /api/cases/{own} {}"] = [403, 403, 403],
        ["POST /api/cases/{own}/mediation/start {}"] = [403, 403, 403],
        ["POST /api/cases/{own}/transitions {\"action\":\"Start\"}"] = [403, 403, 403],
        ["POST /api/cases/{own}/shares {}"] = [403, 403, 403],
        ["POST /api/repeat-consumers/search {\"phone\":\"03-1111-0001\"}"] = [403, 403, 403],
        ["GET /api/code-lists/product?q=定期"] = [200, 200, 200],
        ["GET /api/centers"] = [200, 200, 200],
        ["GET /api/municipalities?q=千代田"] = [200, 200, 200],
        ["POST /api/postal-codes/lookup {\"code\":\"100-0001\"}"] = [200, 200, 200],
        ["GET /api/code-lists"] = [200, 200, 200],
        ["GET /api/approvals"] = [403, 403, 403],
        ["POST /api/assist/suggestions {\"text\":\"訪問販売で布団を契約した\"}"] = [403, 403, 403],
        ["POST /api/cases/{own}/checks {}"] = [403, 403, 403],
        ["GET /api/assist/check-report"] = [403, 403, 403],
        ["GET /api/admin/assist/model"] = [403, 403, 403],
        ["POST /api/admin/assist/model/training {}"] = [403, 403, 403],
        ["GET /api/assist/checklists"] = [403, 403, 403],
        ["GET /api/assist/checklists/versions"] = [403, 403, 403],
        ["GET /api/assist/checklists/versions/1"] = [403, 403, 403],
        ["POST /api/assist/checklists/versions {}"] = [403, 403, 403],
        ["PUT /api/assist/checklists/versions/1 {}"] = [403, 403, 403],
        ["POST /api/assist/checklists/versions/1/publish {\"note\":\"キー\"}"] = [403, 403, 403],
        ["GET /api/cases/{own}/handover"] = [403, 403, 403],
        ["POST /api/cases/{own}/handover/llm-summary {}"] = [403, 403, 403],
        ["GET /api/faq/categories"] = [200, 200, 200],
        ["GET /api/faq/search?q=定期購入"] = [200, 200, 200],
        ["GET /api/knowledge/search?q=定期購入"] = [403, 403, 403],
        ["GET /api/knowledge/entries"] = [403, 403, 403],
        ["GET /api/auth/me"] = [403, 403, 403],
        ["POST /api/auth/logout {}"] = [403, 403, 403],
        ["POST /api/auth/password {}"] = [403, 403, 403],
        ["GET /api/admin/centers"] = [403, 403, 403],
        ["GET /api/admin/api-keys?centerId={center}"] = [403, 403, 403],
        ["POST /api/admin/api-keys {}"] = [403, 403, 403],
        ["GET /api/admin/centers/{center}/users"] = [403, 403, 403],
        ["GET /cases"] = [403, 403, 403],
    };

    public static TheoryData<string, string, string, int> AdminCells()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (endpoint, table) in AdminEndpoints)
        {
            foreach (var (role, target, status) in Expand(table))
            {
                data.Add(endpoint, role, target, status);
            }
        }

        return data;
    }

    public static TheoryData<string, int> PasswordCells()
    {
        var data = new TheoryData<string, int>();
        foreach (var (role, status) in Expand(PasswordChange))
        {
            data.Add(role, status);
        }

        return data;
    }

    public static TheoryData<string, string, int> KeyCells()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (endpoint, statuses) in KeyEndpoints)
        {
            for (var i = 0; i < KeyColumns.Length; i++)
            {
                data.Add(endpoint, KeyColumns[i], statuses[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AdminCells))]
    public async Task ApiKeyAdministrationAnswersAsTheMatrixSays(string endpoint, string role, string target, int status)
    {
        var world = app.World;
        var center = target == Own ? world.CenterA.Id : world.CenterB.Id;
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(world.RoleUsersA[role]);
        var parts = endpoint.Split(' ');
        HttpResponseMessage response;
        if (parts[1] == "/api/admin/api-keys" && parts[0] == "POST")
        {
            response = await client.PostJsonAsync(parts[1], new { centerId = center, name = "行列テスト", scopes = new[] { ApiKeyScopes.CasesRead } });
        }
        else if (parts[1].Contains("{key}", StringComparison.Ordinal))
        {
            var key = await ApiKeys.CreateAsync(app, center, [ApiKeyScopes.CasesRead]);
            response = await client.PostAsync(parts[1].Replace("{key}", key.Id.ToString(), StringComparison.Ordinal), null);
        }
        else
        {
            response = await client.GetAsync(parts[1].Replace("{center}", center.ToString(), StringComparison.Ordinal));
        }

        using (response)
        {
            await response.ExpectAsync((HttpStatusCode)status);
        }
    }

    [Theory]
    [MemberData(nameof(PasswordCells))]
    public async Task PasswordChangeAnswersEachRoleAsTheMatrixSays(string role, int status)
    {
        var client = role == Anonymous ? app.AnonymousClient() : await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.PostJsonAsync("/api/auth/password", new { currentPassword = "not-the-password-2026", newPassword = "Another-Password-2026" });

        await response.ExpectAsync((HttpStatusCode)status);
    }

    [Theory]
    [MemberData(nameof(KeyCells))]
    public async Task AnApiKeyReachesOnlyWhatItsScopesAllow(string endpoint, string scopes, int status)
    {
        var world = app.World;
        var keys = await app.OnceAsync(async a => new MatrixKeys(
            await ApiKeys.CreateAsync(a, a.World.CenterA.Id, [ApiKeyScopes.CasesRead]),
            await ApiKeys.CreateAsync(a, a.World.CenterA.Id, [ApiKeyScopes.CasesWrite]),
            await ApiKeys.CreateAsync(a, a.World.CenterA.Id, [ApiKeyScopes.CasesRead, ApiKeyScopes.CasesWrite])));
        var key = scopes switch { Read => keys.Read, Write => keys.Write, _ => keys.ReadWrite };
        var parts = endpoint.Split(' ', 3);
        var path = parts[1]
            .Replace("{own}", world.A1.Id.ToString(), StringComparison.Ordinal)
            .Replace("{other}", world.B1.Id.ToString(), StringComparison.Ordinal)
            .Replace("{shared}", world.B2.Id.ToString(), StringComparison.Ordinal)
            .Replace("{center}", world.CenterA.Id.ToString(), StringComparison.Ordinal);
        using var request = ApiKeys.Request(new HttpMethod(parts[0]), path, key);
        if (parts.Length == 3)
        {
            request.Content = parts[2] switch
            {
                "case" => System.Net.Http.Json.JsonContent.Create(CaseInputs.Valid(), options: Api.Json),
                "log" => System.Net.Http.Json.JsonContent.Create(CaseInputs.Log(), options: Api.Json),
                _ => new StringContent(parts[2], System.Text.Encoding.UTF8, "application/json"),
            };
        }

        using var client = Accounts.BareClient(app.Factory);
        using var response = await client.SendAsync(request);

        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            await response.ExpectAsync((HttpStatusCode)status);
        }
        else
        {
            Assert.Equal((HttpStatusCode)status, response.StatusCode);
        }
    }

    private sealed record MatrixKeys(ApiKeys.Created Read, ApiKeys.Created Write, ApiKeys.Created ReadWrite);
}

public sealed class PermissionMatrixApiKeyOnSqliteTests(SqliteApp app) : PermissionMatrixApiKeyTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class PermissionMatrixApiKeyOnPostgresTests(PostgresApp app) : PermissionMatrixApiKeyTests(app), IClassFixture<PostgresApp>;
