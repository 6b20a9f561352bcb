using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>Sign-in through the API: passwords, two-factor sign-in for administrators, lockout, sign-out.</summary>
public abstract class AuthenticationTests(AppFixture app)
{
    [Fact]
    public async Task AnAdministratorWithoutTwoFactorSignInIsHeldAtTheSetUpPage()
    {
        var admin = await app.SignInAsync(app.World.AdminWithoutTwoFactorA);

        using var cases = await admin.GetAsync("/api/cases");
        var problem = JsonNode.Parse(await cases.ExpectAsync(HttpStatusCode.Forbidden))!;
        Assert.Equal("管理者は二要素認証の設定が必要です。画面から設定してください。", problem["title"]!.GetValue<string>());
        using var codes = await admin.GetAsync("/api/code-lists/channel");
        await codes.ExpectAsync(HttpStatusCode.Forbidden);

        using var page = await admin.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor", page.Headers.Location?.OriginalString);

        using var me = await admin.GetAsync("/api/auth/me");
        await me.ExpectAsync(HttpStatusCode.OK);
        admin.Dispose();
    }

    [Fact]
    public async Task AnAdministratorWithTwoFactorSignInNeedsTheCurrentCode()
    {
        var user = app.World.CenterAdminA;
        using var client = app.AnonymousClient();

        using var withoutCode = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password });
        var asked = JsonNode.Parse(await withoutCode.ExpectAsync(HttpStatusCode.Unauthorized))!;
        Assert.True(asked["requiresTwoFactor"]!.GetValue<bool>());
        using var stillAnonymous = await client.GetAsync("/api/cases");
        await stillAnonymous.ExpectAsync(HttpStatusCode.Unauthorized);

        var wrong = ((int.Parse(Totp.Code(TestWorld.AuthenticatorKey, DateTimeOffset.UtcNow), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        using var wrongCode = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password, twoFactorCode = wrong });
        await wrongCode.ExpectAsync(HttpStatusCode.Unauthorized);
        using var stillRefused = await client.GetAsync("/api/cases");
        await stillRefused.ExpectAsync(HttpStatusCode.Unauthorized);

        var code = await app.Codes.NextAsync(user.Email, TestWorld.AuthenticatorKey);
        using var withCode = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password, twoFactorCode = code[..3] + " " + code[3..] });
        await withCode.ExpectAsync(HttpStatusCode.NoContent);
        using var cases = await client.GetAsync("/api/cases");
        await cases.ExpectAsync(HttpStatusCode.OK);
        using var me = await client.GetAsync("/api/auth/me");
        var identity = JsonNode.Parse(await me.ExpectAsync(HttpStatusCode.OK))!;
        Assert.Equal(user.Id, identity["id"]!.GetValue<Guid>());
        Assert.Equal(app.World.CenterA.Id, identity["centerId"]!.GetValue<Guid>());
        Assert.Equal([Roles.CenterAdmin], identity["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        using var client = app.AnonymousClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = app.World.CounselorA.Email, password = "wrong-password-2026" });
        using var unknownUser = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.yorisoi.jp", password = TestWorld.Password });

        var first = JsonNode.Parse(await wrongPassword.ExpectAsync(HttpStatusCode.Unauthorized))!["title"]!.GetValue<string>();
        var second = JsonNode.Parse(await unknownUser.ExpectAsync(HttpStatusCode.Unauthorized))!["title"]!.GetValue<string>();
        Assert.Equal(first, second);
        Assert.Contains(await AuditsAsync(AuditActions.SignInFailed), a => a.UserId == app.World.CounselorA.Id);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccount()
    {
        var email = $"lockout-{Guid.NewGuid():N}@test.yorisoi.jp";
        await CreateUserAsync(email, Roles.Counselor);
        using var client = app.AnonymousClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-2026" });
            await failed.ExpectAsync(HttpStatusCode.Unauthorized);
        }

        // Locked now, but the answer stays the one every failed sign-in gets, so it tells nobody that the account exists.
        using var fifth = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-2026" });
        var locked = JsonNode.Parse(await fifth.ExpectAsync(HttpStatusCode.Unauthorized))!;
        Assert.Contains("ロック", locked["title"]!.GetValue<string>(), StringComparison.Ordinal);

        using var rightPassword = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestWorld.Password });
        await rightPassword.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.True(await app.AsSystemAsync(async db => (await db.Users.SingleAsync(u => u.Email == email)).LockoutEnd > DateTimeOffset.UtcNow));
        using var cases = await client.GetAsync("/api/cases");
        await cases.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignInAndSignOutAreRecorded()
    {
        var client = await app.SignInAsync(app.World.Counselor2A);
        Assert.Contains(await AuditsAsync(AuditActions.SignIn), a => a.UserId == app.World.Counselor2A.Id && a.CenterId == app.World.CenterA.Id);

        using var before = await client.GetAsync("/api/cases");
        await before.ExpectAsync(HttpStatusCode.OK);
        using var logout = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var after = await client.GetAsync("/api/cases");
        await after.ExpectAsync(HttpStatusCode.Unauthorized);
        client.Dispose();
    }

    [Fact]
    public async Task APasswordIsStoredOnlyAsAHash()
    {
        var hashes = await app.AsSystemAsync(db => db.Users.Select(u => u.PasswordHash).ToListAsync());

        Assert.All(hashes, h => Assert.False(string.IsNullOrEmpty(h)));
        Assert.DoesNotContain(hashes, h => h!.Contains(TestWorld.Password, StringComparison.Ordinal));
    }

    private Task<List<AuditRecord>> AuditsAsync(string action) =>
        app.AsSystemAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Action == action).ToListAsync());

    private async Task CreateUserAsync(string email, string role)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "ロック確認用", CenterId = app.World.CenterA.Id, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, TestWorld.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}

public sealed class AuthenticationOnSqliteTests(SqliteApp app) : AuthenticationTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class AuthenticationOnPostgresTests(PostgresApp app) : AuthenticationTests(app), IClassFixture<PostgresApp>;

public sealed class TotpTests
{
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void TheTestHelperComputesTheRfc6238Codes(long unixSeconds, string expected)
    {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", last six of the eight digits.
        Assert.Equal(expected, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }
}
