using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Infrastructure;

/// <summary>
/// Re-checks an interactive screen's session every few seconds against the session store, so sign-out elsewhere, a
/// changed password, a lock or a two-factor reset ends open screens too, not only new requests. While the user works on
/// the screen (which sends no HTTP requests), the session's idle expiry moves with that activity.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    DatabaseTicketStore sessions,
    CircuitActivity activity,
    TimeProvider clock,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>One primary-key read per open screen per interval: short enough to feel immediate, cheap at thousands of screens.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    // Account changes that must end sessions delete them from the store; the stamp check is a second line and runs less often.
    private static readonly TimeSpan AccountCheckInterval = TimeSpan.FromMinutes(5);

    private DateTimeOffset _accountCheckedAt = DateTimeOffset.MinValue;

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.FindFirstValue(DatabaseTicketStore.SessionClaim) is not { } key
            || !await sessions.IsActiveAsync(key, activity.LastActivity + SecurityRegistration.IdleTimeout, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (now - _accountCheckedAt < AccountCheckInterval)
        {
            return true;
        }

        _accountCheckedAt = now;
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
