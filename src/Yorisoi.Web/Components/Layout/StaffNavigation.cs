using System.Security.Claims;
using Microsoft.AspNetCore.Components.Routing;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Components.Layout;

/// <summary>One entry of the staff menu: where it leads and which roles may use what is there.</summary>
public sealed record StaffNavItem(string Href, string Text, IReadOnlyList<string> Roles, NavLinkMatch Match = NavLinkMatch.Prefix)
{
    /// <summary>Whether the entry still works while an administrator has not yet set up two-factor sign-in.</summary>
    public bool DuringTwoFactorSetup { get; init; }
}

/// <summary>
/// The one place that says which screens each role uses and where each role starts. The layout's menu and the
/// home page read it, so a role never sees a link to a screen it may not open. The roles mirror the screens'
/// own authorization (Policies), which stays the authority.
/// </summary>
public static class StaffNavigation
{
    public const string CaseList = "/cases";
    public const string CaseSearch = "/cases/search";
    public const string StaffAdministration = "/admin/users";
    public const string AccountHome = "/";

    private static readonly string[] Administrators = [Roles.CenterAdmin, Roles.PrefectureAdmin, Roles.SystemAdmin];

    public static IReadOnlyList<StaffNavItem> Items { get; } =
    [
        new(AccountHome, UiText.Get("Layout.Nav.Home"), [Roles.NationalAnalyst], NavLinkMatch.All),
        new(CaseList, UiText.Get("Layout.Nav.Cases"), Roles.CaseWorkers, NavLinkMatch.All),
        new(CaseSearch, UiText.Get("Layout.Nav.CaseSearch"), Roles.CaseWorkers),
        new("/cases/new", UiText.Get("Layout.Nav.NewCase"), Roles.CaseWorkers),
        new("/approvals", UiText.Get("Layout.Nav.Approvals"), Roles.Approvers),
        // Counselors look answers up while they talk; editors and approvers keep the entries.
        new("/knowledge", UiText.Get("Layout.Nav.Knowledge"), [.. Roles.CaseWorkers, .. Roles.KnowledgeWorkers]),
        new(StaffAdministration, UiText.Get("Layout.Nav.Admin"), Administrators),
        new("/admin/api-keys", UiText.Get("Layout.Nav.ApiKeys"), Administrators),
        new("/admin/assistance/model", UiText.Get("Layout.Nav.CaseCodeModel"), Administrators),
        new("/account/two-factor", UiText.Get("Layout.Nav.TwoFactor"), Roles.All) { DuringTwoFactorSetup = true },
        new("/account/password", UiText.Get("Layout.Nav.Password"), Roles.All),
    ];

    /// <summary>The entries <paramref name="user"/> may use, in menu order.</summary>
    public static IReadOnlyList<StaffNavItem> For(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        // Until an administrator has two-factor sign-in, every other screen redirects back to its setup.
        var settingUp = SecurityRegistration.NeedsTwoFactorSetup(user);
        return Items.Where(i => i.Roles.Any(user.IsInRole) && (!settingUp || i.DuringTwoFactorSetup)).ToList();
    }

    /// <summary>
    /// Where <paramref name="user"/> lands after signing in: the case list for those who work on cases, staff
    /// administration for administrators above a center, and the account home for everyone else.
    /// </summary>
    public static string HomeFor(ClaimsPrincipal user)
    {
        if (Roles.CaseWorkers.Any(user.IsInRole))
        {
            return CaseList;
        }

        return user.IsInRole(Roles.PrefectureAdmin) || user.IsInRole(Roles.SystemAdmin) ? StaffAdministration : AccountHome;
    }
}
