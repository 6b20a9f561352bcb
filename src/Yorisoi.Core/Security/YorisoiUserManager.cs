using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Security;

/// <summary>
/// Identity's user manager with one change: a failed sign-in is counted by the database, not by a read-modify-write of
/// the user row. Identity increments the count in memory and saves the row with its concurrency stamp, so of several
/// wrong passwords or codes sent at once only one is counted and the others fail to save; an attacker guessing codes
/// in parallel would never reach the lockout. An atomic increment counts every attempt, on any number of hosts.
/// </summary>
public sealed class YorisoiUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    YorisoiDbContext db,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var id = user.Id;
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), CancellationToken);

        // The attempt that reaches the limit locks the account and starts the count again, as Identity does; only one of
        // several attempts arriving together matches the condition, so the lockout starts once.
        var max = Options.Lockout.MaxFailedAccessAttempts;
        var until = clock.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan;
        var locked = await db.Users.Where(u => u.Id == id && u.LockoutEnabled && u.AccessFailedCount >= max)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, until).SetProperty(u => u.AccessFailedCount, 0), CancellationToken);
        if (locked > 0)
        {
            Logger.LogWarning("User {UserId} is locked out after {Attempts} failed sign-in attempts.", id, max);
        }

        // The tracked row is now stale; without a reload a later save of it (a successful sign-in resetting the count)
        // would fail its concurrency check or write old values back.
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            await entry.ReloadAsync(CancellationToken);
        }

        return IdentityResult.Success;
    }
}
