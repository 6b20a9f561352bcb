using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>API keys: bound to one center and its scopes, refused once revoked or expired, every refusal audited.</summary>
public abstract class ApiKeyTests(AppFixture app)
{
    [Fact]
    public async Task AKeyOfCenterASeesCenterAsCasesAndNeverCenterBs()
    {
        var keyA = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead]);
        var keyB = await ApiKeys.CreateAsync(app, app.World.CenterB.Id, [ApiKeyScopes.CasesRead]);
        using var client = Accounts.BareClient(app.Factory);

        var listA = await ListIdsAsync(client, keyA, "");
        Assert.Contains(app.World.A1.Id, listA);
        Assert.Contains(app.World.A2.Id, listA);
        Assert.DoesNotContain(app.World.B1.Id, listA);
        Assert.DoesNotContain(app.World.B2.Id, listA);
        Assert.DoesNotContain(app.World.C1.Id, listA);
        Assert.Equal([app.World.B2.Id], await ListIdsAsync(client, keyA, "?scope=shared"));
        await (await ApiKeys.GetAsync(client, keyA, $"/api/cases/{app.World.B1.Id}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await ApiKeys.GetAsync(client, keyA, $"/api/cases/{app.World.B2.Id}")).ExpectAsync(HttpStatusCode.OK);

        var listB = await ListIdsAsync(client, keyB, "");
        Assert.Contains(app.World.B1.Id, listB);
        Assert.DoesNotContain(app.World.A1.Id, listB);
        await (await ApiKeys.GetAsync(client, keyB, $"/api/cases/{app.World.A1.Id}")).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWriteKeyRegistersCasesAndHandlingLogEntriesForItsCenter()
    {
        var key = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead, ApiKeyScopes.CasesWrite], "受付フォーム");
        using var client = Accounts.BareClient(app.Factory);

        using var register = ApiKeys.Request(HttpMethod.Post, "/api/cases", key, CaseInputs.Valid());
        using var created = await client.SendAsync(register);
        var caseId = JsonNode.Parse(await created.ExpectAsync(HttpStatusCode.Created))!["id"]!.GetValue<Guid>();
        using var log = ApiKeys.Request(HttpMethod.Post, $"/api/cases/{caseId}/handling-log", key, CaseInputs.Log());
        await (await client.SendAsync(log)).ExpectAsync(HttpStatusCode.OK);

        var stored = await app.LoadCaseAsync(caseId);
        Assert.Equal(app.World.CenterA.Id, stored.CenterId);
        Assert.Equal(key.Id, stored.CreatedById);
        Assert.Equal("API: 受付フォーム", Assert.Single(stored.HandlingLog).CreatedByName);
    }

    [Fact]
    public async Task RevokedExpiredUnknownAndWrongKeysAreRefusedAndAudited()
    {
        var revoked = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead]);
        var expired = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead]);
        var valid = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead]);
        using var client = Accounts.BareClient(app.Factory);
        await (await ApiKeys.GetAsync(client, revoked.Secret, "/api/cases")).ExpectAsync(HttpStatusCode.OK);

        var admin = await app.ClientAsync(app.World.CenterAdminA);
        await (await admin.PostAsync($"/api/admin/api-keys/{revoked.Id}/revoke", null)).ExpectAsync(HttpStatusCode.OK);
        await app.AsSystemAsync(db => db.Set<ApiKey>().Where(k => k.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var wrongSecret = valid.Secret[..^4] + (valid.Secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var unknown = ApiKey.Format("zzzzzzzzzzzz", SecretPart(valid.Secret));

        foreach (var presented in new[] { revoked.Secret, expired.Secret, wrongSecret, unknown, "not-a-key" })
        {
            await (await ApiKeys.GetAsync(client, presented, "/api/cases")).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        // Also through the Authorization header, and a key wins over a cookie sent alongside it.
        using var viaAuthorization = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        viaAuthorization.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", revoked.Secret);
        viaAuthorization.Headers.Add("Cookie", await Accounts.SessionCookieAsync(app, app.World.CounselorA));
        await (await client.SendAsync(viaAuthorization)).ExpectAsync(HttpStatusCode.Unauthorized);

        var rejected = await app.AsSystemAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Action == AuditActions.ApiKeyRejected).ToListAsync());
        Assert.Contains(rejected, a => a.Detail == $"revoked key={revoked.Prefix}" && a.CenterId == app.World.CenterA.Id);
        Assert.Contains(rejected, a => a.Detail == $"expired key={expired.Prefix}");
        Assert.Contains(rejected, a => a.Detail == $"wrong secret key={valid.Prefix}");
        Assert.Contains(rejected, a => a.Detail == "unknown key=zzzzzzzzzzzz");
        Assert.Contains(rejected, a => a.Detail == "malformed");
        var secrets = new[] { revoked.Secret, expired.Secret, valid.Secret }.Select(SecretPart).ToList();
        Assert.DoesNotContain(rejected, a => secrets.Any(s => (a.Detail ?? "").Contains(s, StringComparison.Ordinal)));
        Assert.DoesNotContain(app.Logs.Entries, e => secrets.Any(s => e.Text.Contains(s, StringComparison.Ordinal)));

        var audits = await app.AsSystemAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Action == AuditActions.ApiKeyCreated || a.Action == AuditActions.ApiKeyRevoked).ToListAsync());
        Assert.Contains(audits, a => a.Action == AuditActions.ApiKeyRevoked && a.Detail!.Contains(revoked.Prefix, StringComparison.Ordinal) && a.UserId == app.World.CenterAdminA.Id);
        Assert.Contains(audits, a => a.Action == AuditActions.ApiKeyCreated && a.Detail!.Contains(valid.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKeyOutsideItsScopeIsForbiddenAndTheAttemptAudited()
    {
        var readOnly = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead]);
        var writeOnly = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesWrite]);
        using var client = Accounts.BareClient(app.Factory);

        using var register = ApiKeys.Request(HttpMethod.Post, "/api/cases", readOnly.Secret, CaseInputs.Valid());
        await (await client.SendAsync(register)).ExpectAsync(HttpStatusCode.Forbidden);
        await (await ApiKeys.GetAsync(client, writeOnly.Secret, "/api/cases")).ExpectAsync(HttpStatusCode.Forbidden);
        await (await ApiKeys.GetAsync(client, readOnly.Secret, $"/api/cases/{app.World.A1.Id}/personal-data")).ExpectAsync(HttpStatusCode.Forbidden);

        var denied = await app.AsSystemAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Action == AuditActions.ApiKeyDenied).ToListAsync());
        Assert.Contains(denied, a => a.Detail == $"key={readOnly.Prefix}; POST RegisterCase" && a.CenterId == app.World.CenterA.Id);
        Assert.Contains(denied, a => a.Detail == $"key={writeOnly.Prefix}; GET ListCases");
        Assert.Contains(denied, a => a.Detail == $"key={readOnly.Prefix}; GET GetCasePersonalData");
        Assert.Empty(await app.AuditAsync(app.World.A1.Id, AuditActions.ViewPersonalData).ContinueWith(t => t.Result.Where(a => a.UserName == "API: " + readOnly.Name).ToList()));
    }

    [Fact]
    public async Task TheSecretIsShownOnceAndStoredOnlyAsAHash()
    {
        var key = await ApiKeys.CreateAsync(app, app.World.CenterA.Id, [ApiKeyScopes.CasesRead]);
        var admin = await app.ClientAsync(app.World.CenterAdminA);

        var list = await (await admin.GetAsync($"/api/admin/api-keys?centerId={app.World.CenterA.Id}")).ExpectAsync(HttpStatusCode.OK);
        var secret = SecretPart(key.Secret);
        Assert.Contains(key.Prefix, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Equal(43, secret.Length);
        Assert.DoesNotContain(secret, await DatabaseScanner.AllValuesAsync(app.Kind, app.Factory.ConnectionString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesCookieAndKeyAndWhichOperationsTakeWhich()
    {
        using var client = app.AnonymousClient();
        var document = JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK))!;

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("apiKey", schemes["sessionCookie"]!["type"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["sessionCookie"]!["in"]!.GetValue<string>());
        Assert.Equal("apiKey", schemes["apiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("header", schemes["apiKey"]!["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", schemes["apiKey"]!["name"]!.GetValue<string>());

        Assert.Equal(["sessionCookie", "apiKey"], SchemesOf(document["paths"]!["/api/cases"]!["get"]!));
        Assert.Equal(["cases:read"], document["paths"]!["/api/cases"]!["get"]!["security"]![1]!["apiKey"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["sessionCookie"], SchemesOf(document["paths"]!["/api/cases/{id}/personal-data"]!["get"]!));
        Assert.Equal(["sessionCookie"], SchemesOf(document["paths"]!["/api/admin/api-keys"]!["post"]!));
        Assert.Null(document["paths"]!["/api/auth/login"]!["post"]!["security"]);
    }

    /// <summary>The secret after <c>yk_{prefix}_</c> (it may itself contain underscores).</summary>
    private static string SecretPart(string key) => key[(ApiKey.KeyPrefix.Length + ApiKey.PrefixLength + 1)..];

    private static List<string> SchemesOf(JsonNode operation) =>
        operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).ToList();

    private static async Task<List<Guid>> ListIdsAsync(HttpClient client, ApiKeys.Created key, string query)
    {
        var body = JsonNode.Parse(await (await ApiKeys.GetAsync(client, key.Secret, "/api/cases" + query)).ExpectAsync(HttpStatusCode.OK))!;
        return body["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }
}

public sealed class ApiKeyOnSqliteTests(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class ApiKeyOnPostgresTests(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
