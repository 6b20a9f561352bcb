using System.Net;
using System.Text.RegularExpressions;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Layout;

/// <summary>The server sends each role to its own home and renders only the menu entries that role may use, always with logout.</summary>
public sealed partial class RoleHomeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string, string?> Homes => new()
    {
        { Roles.Counselor, "/cases" },
        { Roles.Supervisor, "/cases" },
        { Roles.CenterAdmin, "/cases" },
        { Roles.PrefectureAdmin, "/admin/users" },
        { Roles.SystemAdmin, "/admin/users" },
        { Roles.NationalAnalyst, null },
    };

    public static TheoryData<string, string[]> Menus => new()
    {
        { Roles.Counselor, ["/cases", "/cases/search", "/cases/new", "/knowledge", "/account/two-factor", "/account/password"] },
        { Roles.Supervisor, ["/cases", "/cases/search", "/cases/new", "/approvals", "/knowledge", "/account/two-factor", "/account/password"] },
        { Roles.CenterAdmin, ["/cases", "/cases/search", "/cases/new", "/approvals", "/knowledge", "/admin/users", "/admin/api-keys", "/admin/assistance/model", "/account/two-factor", "/account/password"] },
        { Roles.PrefectureAdmin, ["/admin/users", "/admin/api-keys", "/admin/assistance/model", "/account/two-factor", "/account/password"] },
        { Roles.SystemAdmin, ["/admin/users", "/admin/api-keys", "/admin/assistance/model", "/account/two-factor", "/account/password"] },
        { Roles.NationalAnalyst, ["/", "/account/two-factor", "/account/password"] },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task TheStartPageSendsEachRoleToItsHome(string role, string? home)
    {
        var client = await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.GetAsync("/");

        if (home is null)
        {
            var html = WebUtility.HtmlDecode(await response.ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("<h1 tabindex=\"-1\">ホーム</h1>", html, StringComparison.Ordinal);
            Assert.Contains("action=\"/logout\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(home, new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }

    [Theory]
    [MemberData(nameof(Menus))]
    public async Task TheAccessDeniedPageShowsTheRolesOwnMenuAndLogout(string role, string[] menu)
    {
        var client = await app.ClientAsync(app.World.RoleUsersA[role]);

        using var response = await client.GetAsync("/access-denied");
        var html = WebUtility.HtmlDecode(await response.ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(menu, MenuLinks(html));
        Assert.Contains("action=\"/logout\"", html, StringComparison.Ordinal);
        Assert.Contains("この画面を開く権限がありません", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorSettingUpTwoFactorSeesOnlyTheSetUpAndLogout()
    {
        using var admin = await app.SignInAsync(app.World.AdminWithoutTwoFactorA);

        using var response = await admin.GetAsync("/account/two-factor");
        var html = WebUtility.HtmlDecode(await response.ExpectAsync(HttpStatusCode.OK));

        Assert.Equal(["/account/two-factor"], MenuLinks(html));
        Assert.Contains("action=\"/logout\"", html, StringComparison.Ordinal);
        Assert.Matches("<img class=\"qr-code\" src=\"data:image/png;base64,[A-Za-z0-9+/=]+\" alt=\"[^\"]+\"", html);
    }

    private static string[] MenuLinks(string html)
    {
        var nav = NavBlock().Match(html);
        return nav.Success ? Href().Matches(nav.Value).Select(m => m.Groups[1].Value).ToArray() : [];
    }

    [GeneratedRegex("<nav class=\"main-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavBlock();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
