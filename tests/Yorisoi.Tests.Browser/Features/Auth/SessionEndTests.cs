using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Auth;

[Collection(BrowserTestGroup.Name)]
public sealed class SessionEndTests(YorisoiHost host)
{
    [Fact]
    public async Task AnOpenInteractiveScreenGoesToTheSignInPageWhenItsSessionIsSignedOutElsewhere()
    {
        var page = await host.SignInAsync("counselor2@demo.yorisoi.jp");
        await page.OpenAsync("/cases");

        // The same session signed out in another tab: the open screen's circuit must not go on showing cases.
        var other = await page.Context.NewPageAsync();
        await other.OpenAsync("/cases");
        await other.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await other.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), UrlWait.Committed());

        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), UrlWait.Committed(90_000));
        await page.Context.CloseAsync();
    }
}
