using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>Throwaway accounts for tests that lock, reset or sign out a user, and raw session cookies to replay.</summary>
public static class Accounts
{
    public static async Task<TestUser> CreateAsync(AppFixture app, string role, Guid centerId, bool twoFactor = false, bool lockoutEnabled = true)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.yorisoi.jp";
        var key = twoFactor ? Base32(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Take(20).ToArray()) : null;
        var user = new TestUser(email, email, "試験用 " + role, role, centerId, key);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var entity = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = user.DisplayName, CenterId = centerId, LockoutEnabled = lockoutEnabled };
        Assert.True((await users.CreateAsync(entity, TestWorld.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(entity, role)).Succeeded);
        if (key is not null)
        {
            Assert.True((await users.SetAuthenticationTokenAsync(entity, "[AspNetUserStore]", "AuthenticatorKey", key)).Succeeded);
            Assert.True((await users.SetTwoFactorEnabledAsync(entity, true)).Succeeded);
        }

        user.Id = entity.Id;
        return user;
    }

    /// <summary>A client that keeps no cookies: every request carries exactly the cookie the test gives it.</summary>
    public static HttpClient BareClient(YorisoiApplicationFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    /// <summary>Signs in through the API and returns the session cookie (<c>name=value</c>) as a browser would keep it.</summary>
    public static async Task<string> SessionCookieAsync(AppFixture app, TestUser user, string? password = null)
    {
        using var client = BareClient(app.Factory);
        var code = user.AuthenticatorKey is { } key ? await app.Codes.NextAsync(user.Email, key) : null;
        using var response = await client.PostJsonAsync("/api/auth/login", new { email = user.Email, password = password ?? TestWorld.Password, twoFactorCode = code });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Sign-in of {user.Email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return CookieFrom(response);
    }

    public static string CookieFrom(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Last(c => c.StartsWith("yorisoi.auth=", StringComparison.Ordinal) && c.Length > "yorisoi.auth=".Length);

    public static async Task<HttpStatusCode> StatusWithCookieAsync(HttpClient client, string cookie, string path = "/api/auth/me")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public static async Task<HttpResponseMessage> PostWithCookieAsync(HttpClient client, string cookie, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", cookie);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body, options: Api.Json);
        }

        return await client.SendAsync(request);
    }

    private static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new System.Text.StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                output.Append(Alphabet[(buffer >> bits) & 31]);
                buffer &= (1 << bits) - 1;
            }
        }

        if (bits > 0)
        {
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }
}
