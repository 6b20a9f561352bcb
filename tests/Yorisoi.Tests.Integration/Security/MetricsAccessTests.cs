using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// /metrics names every route, its volume and the database timings: readable from the machine itself (a local collector)
/// or with the configured scrape token, by nobody else. The rule does not depend on the database, so SQLite is enough.
/// </summary>
public sealed class MetricsAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Token = "scrape-token-for-tests-0123456789";

    [Fact]
    public async Task ARequestWithoutAnAddressOrTokenIsRefused()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync("/metrics");

        var body = await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.Forbidden)]
    [InlineData("10.0.0.8", HttpStatusCode.Forbidden)]
    public async Task OnlyTheMachineItselfMayScrapeByDefault(string remote, HttpStatusCode expected)
    {
        using var factory = app.Factory.WithWebHostBuilder(b => b.WithRemoteAddressFromHeader());
        using var client = factory.CreateClient();

        using var response = await Scrape(client, remote, token: null);

        var body = await response.ExpectAsync(expected);
        Assert.Equal(expected == HttpStatusCode.OK, body.Contains("# TYPE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("203.0.113.7", Token, HttpStatusCode.OK)]
    [InlineData("203.0.113.7", null, HttpStatusCode.Unauthorized)]
    [InlineData("203.0.113.7", "wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", null, HttpStatusCode.Unauthorized)]
    [InlineData("127.0.0.1", Token, HttpStatusCode.OK)]
    public async Task WithAScrapeTokenAnyoneHoldingItMayScrape(string remote, string? token, HttpStatusCode expected)
    {
        using var factory = app.Factory.WithWebHostBuilder(b => b.WithRemoteAddressFromHeader()
            .UseSetting("Metrics:ScrapeToken", Token)
            .UseSetting("Metrics:AllowLoopback", "false"));
        using var client = factory.CreateClient();

        using var response = await Scrape(client, remote, token);

        var body = await response.ExpectAsync(expected);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        else
        {
            Assert.Contains("# TYPE", body, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> Scrape(HttpClient client, string remote, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(RemoteAddress.Header, remote);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
