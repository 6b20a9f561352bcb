using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// A page of another site cannot make a signed-in browser change anything: every unsafe /api endpoint (from the host's
/// EndpointDataSource) refuses a request that carries the sign-in cookie and says, by Origin or Sec-Fetch-Site, that it
/// comes from elsewhere. Same-origin requests, and requests without the cookie, are judged as before.
/// </summary>
public abstract class CrossOriginTests(AppFixture app)
{
    private const string RefusedTitle = "他のサイトから送られた操作のため受け付けませんでした。Yorisoi の画面から操作してください。";

    private readonly ApiSurface _api = new(app);

    public static TheoryData<string, string> CrossSiteHeaders => new()
    {
        { "Origin", "http://evil.example" },
        { "Origin", "null" },
        { "Origin", "http://localhost.evil.example" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    [Theory]
    [MemberData(nameof(CrossSiteHeaders))]
    public async Task EveryUnsafeEndpointRefusesASignedInCrossSiteRequest(string header, string value)
    {
        var endpoints = _api.Endpoints().Where(e => e.IsUnsafe).ToList();
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/cases");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/cases/{id:guid}/mediation/start");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/admin/users/{id:guid}/lock");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/auth/login");
        var requests = new List<(ApiEndpoint Endpoint, string Url, string? Body)>();
        foreach (var endpoint in endpoints)
        {
            requests.Add((endpoint, await _api.UrlAsync(endpoint), endpoint.Body is null ? null : (await _api.SampleBodyAsync(endpoint.Body)).ToJsonString()));
        }

        // Signing the clients in writes audit records: done before counting.
        foreach (var endpoint in endpoints)
        {
            _ = await _api.ClientForAsync(endpoint);
        }

        _ = await app.ClientAsync(app.World.SupervisorA);
        var before = await ChangeCountAsync();
        var failures = new List<string>();
        foreach (var (endpoint, url, json) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            request.Headers.Add(header, value);
            // Sign-in and sign-out take no sign-in, but a signed-in browser sends the cookie to them as well.
            var client = endpoint.Anonymous ? await app.ClientAsync(app.World.SupervisorA) : await _api.ClientForAsync(endpoint);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || JsonNode.Parse(body)?["title"]?.GetValue<string>() != RefusedTitle)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await ChangeCountAsync());
    }

    [Fact]
    public async Task TheSignInStepOfTwoFactorIsProtectedToo()
    {
        using var client = app.AnonymousClient();
        using var first = await client.PostJsonAsync("/api/auth/login", new { email = app.World.CenterAdminA.Email, password = TestWorld.Password });
        await first.ExpectAsync(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SameOriginRequestsStillWork()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = System.Net.Http.Json.JsonContent.Create(CaseInputs.Valid(), options: Api.Json) };
        register.Headers.Add("Origin", "http://localhost");
        register.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var registered = await client.SendAsync(register);
        await registered.ExpectAsync(HttpStatusCode.Created);

        var subject = await app.RegisterAsync(app.World.CounselorA);
        using var start = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{subject.Id}/mediation/start");
        start.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var started = await client.SendAsync(start);
        await started.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ARequestWithoutTheSignInCookieIsNotJudgedByItsOrigin()
    {
        // Such a request can change nothing a cookie would allow; API keys (a header, not a cookie) are judged by their own rules.
        using var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = System.Net.Http.Json.JsonContent.Create(CaseInputs.Valid(), options: Api.Json) };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadingIsNotRefused()
    {
        var client = await app.ClientAsync(app.World.CounselorA);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await client.SendAsync(request);

        await response.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AConfiguredOriginIsAllowed()
    {
        using var factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Csrf:AllowedOrigins:0", "https://portal.example.jp"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        // The derived host shares the database, so the code must be one the fixture has not handed out yet.
        var code = await app.Codes.NextAsync(app.World.SystemAdminA.Email, TestWorld.AuthenticatorKey);
        using var login = await client.PostJsonAsync("/api/auth/login", new { email = app.World.SystemAdminA.Email, password = TestWorld.Password, twoFactorCode = code });
        await login.ExpectAsync(HttpStatusCode.NoContent);

        using var allowed = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{app.World.SupervisorC.Id}/unlock");
        allowed.Headers.Add("Origin", "https://portal.example.jp");
        using var refused = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/users/{app.World.SupervisorC.Id}/unlock");
        refused.Headers.Add("Origin", "https://other.example.jp");

        using var allowedResponse = await client.SendAsync(allowed);
        using var refusedResponse = await client.SendAsync(refused);

        await allowedResponse.ExpectAsync(HttpStatusCode.OK);
        await refusedResponse.ExpectAsync(HttpStatusCode.Forbidden);
    }

    // Every change a refused request could have made leaves a case, a history entry or an audit record.
    private Task<(int Cases, int Changes, int Audit)> ChangeCountAsync() =>
        app.AsSystemAsync(async db => (await db.Cases.CountAsync(), await db.CaseChanges.CountAsync(), await db.AuditRecords.CountAsync()));
}

public sealed class CrossOriginOnSqliteTests(SqliteApp app) : CrossOriginTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class CrossOriginOnPostgresTests(PostgresApp app) : CrossOriginTests(app), IClassFixture<PostgresApp>;
