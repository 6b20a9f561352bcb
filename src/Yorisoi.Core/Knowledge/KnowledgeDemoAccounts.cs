using Microsoft.AspNetCore.Identity;
using Yorisoi.Core.Centers;
using Yorisoi.Core.Security;

namespace Yorisoi.Core.Knowledge;

/// <summary>
/// Knowledge-base roles for the demo: the Tokyo counselor writes and the Tokyo supervisor approves the center's
/// local entries; two national-center accounts write and approve the national ones. Demo data only.
/// </summary>
public static class KnowledgeDemoAccounts
{
    public const string NationalEditorEmail = "faq-editor@demo.yorisoi.jp";
    public const string NationalApproverEmail = "faq-approver@demo.yorisoi.jp";

    public static async Task SeedAsync(UserManager<AppUser> users, Center national, string password)
    {
        await GrantAsync(users, "counselor@demo.yorisoi.jp", Roles.FaqEditor);
        await GrantAsync(users, "supervisor@demo.yorisoi.jp", Roles.FaqApprover);
        await CreateAsync(users, NationalEditorEmail, "FAQ作成 田中（デモ・国民生活センター）", Roles.FaqEditor, national, password);
        await CreateAsync(users, NationalApproverEmail, "FAQ承認 中村（デモ・国民生活センター）", Roles.FaqApprover, national, password);
    }

    private static async Task GrantAsync(UserManager<AppUser> users, string email, string role)
    {
        if (await users.FindByEmailAsync(email) is { } user && !await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static async Task CreateAsync(UserManager<AppUser> users, string email, string name, string role, Center center, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CenterId = center.Id, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
