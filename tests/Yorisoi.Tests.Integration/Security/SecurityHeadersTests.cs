using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Every answer tells the browser not to sniff, frame, leak URLs or run script the host did not send; behind TLS it also
/// redirects to HTTPS and sends HSTS. Headers do not depend on the database, so SQLite is enough.
/// </summary>
public sealed partial class SecurityHeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/auth/me")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Matches("^'self' 'nonce-[A-Za-z0-9+/=]+'$", csp["script-src"]);
        Assert.Equal("'self'", csp["style-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.DoesNotContain("unsafe", string.Join(' ', csp.Values), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task ThePagesOnlyInlineScriptCarriesTheRequestsNonce()
    {
        using var client = app.AnonymousClient();

        using var first = await client.GetAsync("/login");
        using var second = await client.GetAsync("/login");
        var html = await first.Content.ReadAsStringAsync();

        var nonce = Regex.Match(Directives(Header(first, "Content-Security-Policy"))["script-src"], "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEqual(nonce, Regex.Match(Directives(Header(second, "Content-Security-Policy"))["script-src"], "'nonce-([^']+)'").Groups[1].Value);
        var inlineScripts = ScriptTag().Matches(html).Where(m => !m.Value.Contains(" src=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(inlineScripts);
        // The attribute is HTML-encoded (a base64 "+" becomes &#x2B;); the browser compares the decoded value.
        Assert.All(inlineScripts, script => Assert.Contains($"nonce=\"{nonce}\"", System.Net.WebUtility.HtmlDecode(script.Value), StringComparison.Ordinal));
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindTlsPlainHttpIsRedirectedAndHttpsAnswersCarryHsts()
    {
        using var factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Https:Enabled", "true").UseSetting("https_port", "443"));
        // A real name: HSTS is never sent for localhost, where it would pin every local development server to HTTPS.
        using var plain = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://yorisoi.example.jp") });
        using var tls = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://yorisoi.example.jp") });

        using var redirected = await plain.GetAsync("/login");
        using var secure = await tls.GetAsync("/login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://yorisoi.example.jp/login", redirected.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", Header(secure, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeadersFromAKnownProxyMakeTheRequestHttps()
    {
        using var factory = app.Factory.WithWebHostBuilder(b => b.WithRemoteAddressFromHeader()
            .UseSetting("Https:Enabled", "true").UseSetting("https_port", "443")
            .UseSetting("ForwardedHeaders:Enabled", "true").UseSetting("ForwardedHeaders:KnownProxies", "192.0.2.10"));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://yorisoi.example.jp") });

        using var viaProxy = await GetAsync(client, "192.0.2.10");
        using var spoofed = await GetAsync(client, "203.0.113.7");

        Assert.Equal(HttpStatusCode.OK, viaProxy.StatusCode);
        Assert.Equal("max-age=31536000", Header(viaProxy, "Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, spoofed.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string remote)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add(RemoteAddress.Header, remote);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
