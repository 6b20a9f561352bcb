using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;

namespace Yorisoi.Web.Features.Auth;

/// <summary>A signed-in user changing their own password, for the API and the account page alike.</summary>
public sealed class PasswordChanger(SignInManager<AppUser> signIn, UserSessions sessions, YorisoiDbContext db, TimeProvider clock)
{
    /// <summary>Null when the password was changed (every session of the user has ended, this one too); otherwise what is wrong, by field.</summary>
    public async Task<ValidationErrors?> ChangeAsync(ClaimsPrincipal principal, string? currentPassword, string? newPassword)
    {
        var user = await signIn.UserManager.GetUserAsync(principal);
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(newPassword))
        {
            errors.Add("NewPassword", Messages.Get("Auth.NewPasswordRequired"));
        }

        if (user is null || !errors.IsValid)
        {
            return errors;
        }

        var changed = await signIn.UserManager.ChangePasswordAsync(user, currentPassword ?? "", newPassword!);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                var wrongCurrent = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch);
                errors.Add(wrongCurrent ? "CurrentPassword" : "NewPassword", wrongCurrent ? Messages.Get("Auth.CurrentPasswordWrong") : error.Description);
            }

            return errors;
        }

        // Whoever knew the old password may hold a session: every one ends, this one too, and the user signs in anew.
        await sessions.EndAllAsync(user.Id);
        db.AuditRecords.Add(new AuditRecord { At = clock.GetUtcNow(), UserId = user.Id, UserName = user.UserName, CenterId = user.CenterId, Action = AuditActions.PasswordChanged });
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return null;
    }
}
