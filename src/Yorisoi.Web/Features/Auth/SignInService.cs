using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Features.Auth;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,

    /// <summary>Wrong password, unknown account, locked account, wrong code: one answer, so nobody learns which accounts exist.</summary>
    Failed,
}

/// <summary>
/// Password and two-factor sign-in for the API and the sign-in pages alike. Every attempt costs one password hash,
/// whether the account exists, is locked or not, so neither the answer nor its timing tells them apart.
/// </summary>
public sealed class SignInService(SignInManager<AppUser> signIn, DummyPasswordHash dummy, YorisoiDbContext db, TimeProvider clock)
{
    public async Task<SignInOutcome> PasswordSignInAsync(string? email, string? password)
    {
        password ??= "";
        var user = string.IsNullOrWhiteSpace(email) ? null : await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            dummy.Verify(password);
            await AuditAsync(null, AuditActions.SignInFailed, "unknown account");
            return SignInOutcome.Failed;
        }

        // Identity answers a locked account before hashing; hash anyway so the answer takes as long as a wrong password.
        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            dummy.Verify(password);
            await AuditAsync(user, AuditActions.SignInFailed, "locked out");
            return SignInOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        await AuditAsync(
            user,
            result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed,
            result.RequiresTwoFactor ? "password ok, two-factor pending" : result.IsLockedOut ? "locked out" : null);
        return result.Succeeded ? SignInOutcome.Succeeded : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor : SignInOutcome.Failed;
    }

    /// <summary>The second step, after <see cref="PasswordSignInAsync"/> answered <see cref="SignInOutcome.RequiresTwoFactor"/>.</summary>
    public async Task<SignInOutcome> TwoFactorSignInAsync(string? code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var normalized = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(normalized, isPersistent: false, rememberClient: false);
        await AuditAsync(user, result.Succeeded ? AuditActions.SignIn : AuditActions.SignInFailed, result.Succeeded ? "two-factor" : result.IsLockedOut ? "two-factor failed, locked out" : "two-factor failed");
        return result.Succeeded ? SignInOutcome.Succeeded : SignInOutcome.Failed;
    }

    private async Task AuditAsync(AppUser? user, string action, string? detail)
    {
        // Identity has already saved (or, racing a parallel attempt, failed to save) the user row; the audit record must
        // not retry that write and turn a lost race into an error.
        foreach (var entry in db.ChangeTracker.Entries<AppUser>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Modified).ToList())
        {
            entry.State = Microsoft.EntityFrameworkCore.EntityState.Unchanged;
        }

        db.AuditRecords.Add(new AuditRecord
        {
            At = clock.GetUtcNow(),
            UserId = user?.Id,
            UserName = user?.DisplayName,
            CenterId = user?.CenterId,
            Action = action,
            Detail = detail,
        });
        await db.SaveChangesAsync();
    }
}

/// <summary>A hash of a random password, made once with the real hasher, to spend the same work on a sign-in that cannot succeed.</summary>
public sealed class DummyPasswordHash(IPasswordHasher<AppUser> hasher)
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };

    private static string? s_hash;

    public void Verify(string password)
    {
        s_hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, s_hash, password);
    }
}
