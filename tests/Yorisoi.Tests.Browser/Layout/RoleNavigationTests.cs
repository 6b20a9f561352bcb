using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Layout;

/// <summary>Each role lands on its own home after signing in, sees only the menu entries it may use, and can sign out.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RoleNavigationTests(YorisoiHost host)
{
    public static TheoryData<string, string, string, string[]> Homes => new()
    {
        { StaffBrowser.Counselor, "/cases", "相談一覧", ["相談一覧", "相談検索", "相談を登録", "FAQ", "二要素認証", "パスワード変更"] },
        { StaffBrowser.Supervisor, "/cases", "相談一覧", ["相談一覧", "相談検索", "相談を登録", "決裁待ち", "FAQ", "二要素認証", "パスワード変更"] },
        { StaffBrowser.CenterAdmin, "/cases", "相談一覧", ["相談一覧", "相談検索", "相談を登録", "決裁待ち", "FAQ", "職員管理", "APIキー", "分類モデル", "二要素認証", "パスワード変更"] },
        { StaffBrowser.PrefectureAdmin, "/admin/users", "職員アカウント管理", ["職員管理", "APIキー", "分類モデル", "二要素認証", "パスワード変更"] },
        { StaffBrowser.SystemAdmin, "/admin/users", "職員アカウント管理", ["職員管理", "APIキー", "分類モデル", "二要素認証", "パスワード変更"] },
        { StaffBrowser.Analyst, "/", "ホーム", ["ホーム", "二要素認証", "パスワード変更"] },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task EachRoleLandsOnItsHomeSeesItsOwnMenuAndSignsOut(string email, string home, string heading, string[] menu)
    {
        var page = await host.SignInAsync(email);

        await page.WaitForURLAsync(url => StaffBrowser.PathOf(url) == home, UrlWait.Committed());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link);
        await Assertions.Expect(links).ToHaveTextAsync(menu);

        await page.SignOutAsync();
        await page.GotoAsync(home);
        await page.WaitForURLAsync(url => StaffBrowser.PathOf(url) == "/login", UrlWait.Committed());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnalystHomeShowsTheirAccountAndOnlyLinksThatOpen()
    {
        var page = await host.SignInAsync(StaffBrowser.Analyst);
        await page.WaitForURLAsync(url => StaffBrowser.PathOf(url) == "/", UrlWait.Committed());

        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("全国分析担当");
        await Assertions.Expect(main).ToContainTextAsync(StaffBrowser.Analyst);
        foreach (var href in await main.GetByRole(AriaRole.Link).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var response = await page.Context.APIRequest.GetAsync(href);
            Assert.True(response.Ok, $"{href} answered {response.Status}");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AccessDeniedPageKeepsTheMenuAndLogout()
    {
        var page = await host.SignInAsync(StaffBrowser.Analyst);
        await page.GotoAsync("/cases");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("この画面を開く権限がありません");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["ホーム", "二要素認証", "パスワード変更"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "ホームへ戻る" }).ClickAsync();
        await page.WaitForURLAsync(url => StaffBrowser.PathOf(url) == "/", UrlWait.Committed());

        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("この画面を開く権限がありません");
        await page.SignOutAsync();
        await page.Context.CloseAsync();
    }
}
