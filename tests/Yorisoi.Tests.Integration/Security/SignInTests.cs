using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Sign-in reveals nothing about which accounts exist (same answer, same time), and an authenticator code counts once,
/// within ±30 seconds only.
/// </summary>
public abstract partial class SignInTests(AppFixture app)
{
    [Fact]
    public async Task AnAuthenticatorCodeIsAcceptedOnlyOnce()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, twoFactor: true);
        var code = await app.Codes.NextAsync(user.Email, user.AuthenticatorKey!);

        using var first = await LoginAsync(user.Email, TestWorld.Password, code);
        await first.ExpectAsync(HttpStatusCode.NoContent);
        using var replayed = await LoginAsync(user.Email, TestWorld.Password, code);
        await replayed.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TwoParallelSignInsWithTheSameCodeCannotBothSucceed()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, twoFactor: true);
        var code = await app.Codes.NextAsync(user.Email, user.AuthenticatorKey!);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => LoginAsync(user.Email, TestWorld.Password, code)));

        var report = string.Join(", ", attempts.Select(r => (int)r.StatusCode + r.Content.ReadAsStringAsync().Result)) + string.Join("\n", app.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.Text));
        Assert.True(1 == attempts.Count(r => r.StatusCode == HttpStatusCode.NoContent), report);
        Assert.True(3 == attempts.Count(r => r.StatusCode == HttpStatusCode.Unauthorized), report);
        foreach (var response in attempts)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task WrongCodesSentAtOnceAreEachCountedAndLockTheAccount()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, twoFactor: true);

        // Five guesses in parallel: counted one by one, the fifth reaches the limit although they race each other.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => LoginAsync(user.Email, TestWorld.Password, $"00000{i}")));

        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var stored = await app.AsSystemAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Id == user.Id));
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"locked until {stored.LockoutEnd}, {stored.AccessFailedCount} failures counted");
        using var correct = await LoginAsync(user.Email, TestWorld.Password, await app.Codes.NextAsync(user.Email, user.AuthenticatorKey!));
        await correct.ExpectAsync(HttpStatusCode.Unauthorized);
        foreach (var response in attempts)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task WrongPasswordsSentAtOnceAreEachCounted()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, twoFactor: false);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => LoginAsync(user.Email, $"wrong-password-{i}")));

        Assert.All(attempts, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var stored = await app.AsSystemAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Id == user.Id));
        Assert.Equal(4, stored.AccessFailedCount);
        Assert.Null(stored.LockoutEnd);
        foreach (var response in attempts)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ACodeFromThirtySecondsAgoIsAcceptedButNotOneFromSixtySecondsAgoOrAhead()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, twoFactor: true);
        var now = await AwayFromAStepBoundaryAsync();

        using var sixtyAgo = await LoginAsync(user.Email, TestWorld.Password, Totp.Code(user.AuthenticatorKey!, now.AddSeconds(-60)));
        await sixtyAgo.ExpectAsync(HttpStatusCode.Unauthorized);
        using var sixtyAhead = await LoginAsync(user.Email, TestWorld.Password, Totp.Code(user.AuthenticatorKey!, now.AddSeconds(60)));
        await sixtyAhead.ExpectAsync(HttpStatusCode.Unauthorized);
        using var thirtyAgo = await LoginAsync(user.Email, TestWorld.Password, Totp.Code(user.AuthenticatorKey!, now.AddSeconds(-30)));
        await thirtyAgo.ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task WrongPasswordUnknownAccountAndLockedAccountGetTheSameAnswer()
    {
        var wrongPasswordUser = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var lockedUser = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await LoginAsync(lockedUser.Email, "wrong-password-2026")).Dispose();
        }

        var answers = new List<(HttpStatusCode Status, string? Type, string Body)>();
        foreach (var (email, password) in new[]
                 {
                     (wrongPasswordUser.Email, "wrong-password-2026"),
                     ("nobody-" + Guid.NewGuid().ToString("N") + "@test.yorisoi.jp", "wrong-password-2026"),
                     (lockedUser.Email, "wrong-password-2026"),
                     (lockedUser.Email, TestWorld.Password),
                 })
        {
            using var response = await LoginAsync(email, password);
            var body = await response.ExpectAsync(HttpStatusCode.Unauthorized);
            // The trace id differs per request by design; everything else must be the same bytes.
            answers.Add((response.StatusCode, response.Content.Headers.ContentType?.ToString(), TraceId().Replace(body, "")));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains("ロック", JsonNode.Parse(answers[0].Body.Replace(",}", "}", StringComparison.Ordinal))!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("requiresTwoFactor", answers[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInPageSaysTheSameForWrongPasswordUnknownAccountAndLockedAccount()
    {
        var wrongPasswordUser = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var lockedUser = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var admin = await app.ClientAsync(app.World.CenterAdminA);
        await (await admin.PostAsync($"/api/admin/users/{lockedUser.Id}/lock", null)).ExpectAsync(HttpStatusCode.OK);

        var messages = new List<string>();
        foreach (var (email, password) in new[]
                 {
                     (wrongPasswordUser.Email, "wrong-password-2026"),
                     ("nobody-" + Guid.NewGuid().ToString("N") + "@test.yorisoi.jp", "wrong-password-2026"),
                     (lockedUser.Email, TestWorld.Password),
                 })
        {
            messages.Add(await LoginPageAnswerAsync(email, password));
        }

        Assert.Single(messages.Distinct());
        Assert.Contains("ロック", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAccountTakesAsLongToRefuseAsAKnownOne()
    {
        // Lockout off, so twenty wrong passwords keep measuring the password check and not the lockout answer.
        var known = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, lockoutEnabled: false);
        var unknown = "nobody-" + Guid.NewGuid().ToString("N") + "@test.yorisoi.jp";
        (await LoginAsync(unknown, "warm-up-password-2026")).Dispose();
        (await LoginAsync(known.Email, "warm-up-password-2026")).Dispose();

        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            knownTimes.Add(await TimeAsync(known.Email));
            unknownTimes.Add(await TimeAsync(unknown));
        }

        // A generous bound: before, the unknown account answered in about a twentieth of the time.
        Assert.True(Median(unknownTimes) >= 0.5 * Median(knownTimes), $"unknown {Median(unknownTimes):F1} ms vs known {Median(knownTimes):F1} ms");
    }

    private async Task<double> TimeAsync(string email)
    {
        var watch = Stopwatch.StartNew();
        using var response = await LoginAsync(email, "wrong-password-2026");
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private async Task<HttpResponseMessage> LoginAsync(string email, string password, string? code = null)
    {
        using var client = Accounts.BareClient(app.Factory);
        return await client.PostJsonAsync("/api/auth/login", new { email, password, twoFactorCode = code });
    }

    /// <summary>Posts the sign-in form as a browser does (antiforgery token and all) and returns the error shown.</summary>
    private async Task<string> LoginPageAnswerAsync(string email, string password)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("/login", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        var error = ErrorSummary().Match(html);
        Assert.True(error.Success, html);
        return System.Net.WebUtility.HtmlDecode(error.Groups[1].Value);
    }

    /// <summary>Waits (at most a few seconds) until the clock is not about to enter the next 30-second step, and returns now.</summary>
    private static async Task<DateTimeOffset> AwayFromAStepBoundaryAsync()
    {
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000 is < 1_000 or > 25_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return DateTimeOffset.UtcNow;
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\",?")]
    private static partial Regex TraceId();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<p class=\"error-summary\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorSummary();
}

public sealed class SignInOnSqliteTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class SignInOnPostgresTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
