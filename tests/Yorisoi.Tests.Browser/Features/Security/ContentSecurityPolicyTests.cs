using System.Collections.Concurrent;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Security;

/// <summary>
/// The staff screens work under the host's Content-Security-Policy (no inline script or style beyond what it allows):
/// Chromium reports no violation while a counselor signs in, fills a case form (postal code lookup, code pickers) and
/// opens the list and a case.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyTests(YorisoiHost host)
{
    [Fact]
    public async Task TheCaseScreensRunWithoutAPolicyViolation()
    {
        var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };

        var login = await page.GotoAsync("/login");
        Assert.Contains("script-src 'self' 'nonce-", await login!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        await page.GetByLabel("メールアドレス").FillAsync(StaffBrowser.Counselor);
        await page.GetByLabel("パスワード").FillAsync(YorisoiHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), UrlWait.Committed());

        await page.OpenAsync("/cases/new");
        await page.GetByLabel("相談者の郵便番号").FillAsync("100-0001");
        await page.GetByLabel("相談者の郵便番号").PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("相談者の住所")).ToHaveValueAsync("東京都千代田区千代田");
        var product = page.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類" });
        await product.FillAsync("定期");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "健康食品" })).ToBeVisibleAsync();

        var id = await page.RegisterCaseAsync($"株式会社CSP確認{Guid.NewGuid().ToString("N")[..6]}");
        await page.OpenAsync("/cases");
        await page.OpenAsync($"/cases/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        Assert.True(violations.IsEmpty, string.Join(Environment.NewLine, violations));

        // Chromium does report a violation where one happens: an injected inline script is refused and reported.
        var refused = await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true;'; document.body.appendChild(s); }"),
            new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) });
        Assert.Contains("script-src", refused.Text, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
    }
}
