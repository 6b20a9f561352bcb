using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Sessions live in the database: a cookie copied before sign-out, a password change, a lock or a two-factor reset is
/// refused at once, on this host and on any other host sharing the database.
/// </summary>
public abstract class SessionTests(AppFixture app)
{
    [Fact]
    public async Task ACookieCapturedBeforeLogoutIsRefusedAfterwards()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var cookie = await Accounts.SessionCookieAsync(app, user);
        using var client = Accounts.BareClient(app.Factory);
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(client, cookie));

        using var logout = await Accounts.PostWithCookieAsync(client, cookie, "/api/auth/logout");
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, cookie, "/api/cases"));
        Assert.Equal(0, await SessionCountAsync(user));
    }

    [Fact]
    public async Task LockingAUserEndsAllTheirSessionsAtOnce()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var first = await Accounts.SessionCookieAsync(app, user);
        var second = await Accounts.SessionCookieAsync(app, user);
        using var client = Accounts.BareClient(app.Factory);
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(client, first));

        var admin = await app.ClientAsync(app.World.CenterAdminA);
        await (await admin.PostAsync($"/api/admin/users/{user.Id}/lock", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, first));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, second));
    }

    [Fact]
    public async Task ResettingTwoFactorSignInEndsAllTheUsersSessionsAtOnce()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id, twoFactor: true);
        var cookie = await Accounts.SessionCookieAsync(app, user);
        using var client = Accounts.BareClient(app.Factory);
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(client, cookie));

        var admin = await app.ClientAsync(app.World.CenterAdminA);
        await (await admin.PostAsync($"/api/admin/users/{user.Id}/reset-two-factor", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, cookie));
    }

    [Fact]
    public async Task ChangingThePasswordEndsEverySessionOfTheUser()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var elsewhere = await Accounts.SessionCookieAsync(app, user);
        var here = await Accounts.SessionCookieAsync(app, user);
        using var client = Accounts.BareClient(app.Factory);

        using var wrong = await Accounts.PostWithCookieAsync(client, here, "/api/auth/password", new { currentPassword = "not-the-password-2026", newPassword = "Changed-Password-2026" });
        await wrong.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(client, elsewhere));

        using var changed = await Accounts.PostWithCookieAsync(client, here, "/api/auth/password", new { currentPassword = TestWorld.Password, newPassword = "Changed-Password-2026" });
        await changed.ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(client, here));
        Assert.Equal(0, await SessionCountAsync(user));
        var renewed = await Accounts.SessionCookieAsync(app, user, "Changed-Password-2026");
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(client, renewed));
        Assert.Contains(await app.AuditAsync(null, AuditActions.PasswordChanged), a => a.UserId == user.Id);
    }

    [Fact]
    public async Task AnotherHostOnTheSameDatabaseRefusesTheCookieOnceTheSessionEnded()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        await using var secondHost = new YorisoiApplicationFactory(app.Kind, app.Factory.ConnectionString, app.Factory.Directory, migrationConnectionString: app.MigrationConnectionString);
        using var first = Accounts.BareClient(app.Factory);
        using var second = Accounts.BareClient(secondHost);

        var cookie = await Accounts.SessionCookieAsync(app, user);
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(second, cookie));

        using var logout = await Accounts.PostWithCookieAsync(first, cookie, "/api/auth/logout");
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(second, cookie));

        var locked = await Accounts.SessionCookieAsync(app, user);
        Assert.Equal(HttpStatusCode.OK, await Accounts.StatusWithCookieAsync(second, locked));
        var admin = await app.ClientAsync(app.World.CenterAdminA);
        await (await admin.PostAsync($"/api/admin/users/{user.Id}/lock", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, await Accounts.StatusWithCookieAsync(second, locked));
    }

    [Fact]
    public async Task AnOpenInteractiveScreenIsSignedOutSoonAfterItsSessionEnds()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var cookie = await Accounts.SessionCookieAsync(app, user);
        var principal = await PrincipalOfAsync(cookie);
        Assert.NotNull(principal.FindFirstValue(DatabaseTicketStore.SessionClaim));

        // The circuit's own authentication state provider, as an interactive screen holds it.
        await using var circuit = app.Factory.Services.CreateAsyncScope();
        var provider = (RevalidatingIdentityStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var signedOut = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User is { Identity.IsAuthenticated: false } anonymous)
            {
                signedOut.TrySetResult(anonymous);
            }
        };
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        using var client = Accounts.BareClient(app.Factory);
        using var logout = await Accounts.PostWithCookieAsync(client, cookie, "/api/auth/logout");
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        var after = await signedOut.Task.WaitAsync(RevalidatingIdentityStateProvider.Interval * 6);
        Assert.False(after.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task TheCookieCarriesOnlyASessionKeyAndTheTableNoUsableKey()
    {
        var user = await Accounts.CreateAsync(app, Roles.Counselor, app.World.CenterA.Id);
        var cookie = await Accounts.SessionCookieAsync(app, user);
        var options = app.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var outer = options.TicketDataFormat.Unprotect(cookie["yorisoi.auth=".Length..])!;

        Assert.DoesNotContain(outer.Principal.Claims, c => c.Type == ClaimTypes.NameIdentifier || c.Type == ClaimTypes.Role);
        var key = Assert.Single(outer.Principal.Claims).Value;
        var ids = await app.AsSystemAsync(db => db.Set<UserSession>().Where(s => s.UserId == user.Id).Select(s => s.Id).ToListAsync());
        Assert.Equal([UserSession.HashKey(key)], ids);
        Assert.DoesNotContain(key, ids);
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string cookie)
    {
        var options = app.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var outer = options.TicketDataFormat.Unprotect(cookie["yorisoi.auth=".Length..])!;
        var ticket = await options.SessionStore!.RetrieveAsync(outer.Principal.Claims.Single().Value);
        return ticket!.Principal;
    }

    private Task<int> SessionCountAsync(TestUser user) =>
        app.AsSystemAsync(db => db.Set<UserSession>().CountAsync(s => s.UserId == user.Id));
}

public sealed class SessionOnSqliteTests(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

[Collection("postgres")]
public sealed class SessionOnPostgresTests(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
