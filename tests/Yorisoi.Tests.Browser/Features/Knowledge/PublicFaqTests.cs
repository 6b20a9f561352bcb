using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Knowledge;

/// <summary>The public FAQ pages of the portal: server-rendered, usable with JavaScript turned off, and accessible.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublicFaqTests(YorisoiHost host, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private async Task<IPage> NoScriptPageAsync()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(YorisoiHost.ActionTimeout);
        context.SetDefaultNavigationTimeout(YorisoiHost.ActionTimeout);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task WithoutJavaScriptAConsumerSearchesOpensAnEntryAndRatesIt()
    {
        var page = await NoScriptPageAsync();
        await page.GotoAsync("/faq");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("よくある質問（FAQ）");
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("188");

        await page.GetByLabel("困っていることを入力してください").FillAsync("お試しのつもりが定期購入 解約");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/faq/search?q=", StringComparison.Ordinal), UrlWait.Committed());
        await Assertions.Expect(page.Locator("ol.faq-results > li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.faq-results mark").First).ToBeVisibleAsync();

        await page.Locator("ol.faq-results > li h2 a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("searchId=", StringComparison.Ordinal), UrlWait.Committed());
        await Assertions.Expect(page.Locator(".consult")).ToContainTextAsync("188");

        await page.GetByLabel("いいえ").CheckAsync();
        await page.GetByLabel("ご意見（任意）").FillAsync("手続きの書き方の例がほしい。連絡先は 090-1234-5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ご回答ありがとうございました" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FeedbackWithoutAnAnswerSaysWhatIsMissing()
    {
        var page = await NoScriptPageAsync();
        await page.GotoAsync("/faq/teiki-kounyu-otameshi");
        await page.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".feedback")).ToContainTextAsync("「はい」か「いいえ」を選んでください。");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CategoriesPagingAndZeroResultsWorkWithoutJavaScript()
    {
        var page = await NoScriptPageAsync();
        await page.GotoAsync("/faq");
        await page.GetByRole(AriaRole.Link, new() { Name = "賃貸住宅", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/faq/category/chintai", UrlWait.Committed());
        await Assertions.Expect(page.Locator("ul.faq-list > li").First).ToBeVisibleAsync();

        await page.GotoAsync("/faq/search?q=" + Uri.EscapeDataString("解約"));
        await page.GetByRole(AriaRole.Link, new() { Name = "次のページ" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal), UrlWait.Committed());
        await Assertions.Expect(page.Locator("ol.faq-results > li").First).ToBeVisibleAsync();

        await page.GotoAsync("/faq/search?q=" + Uri.EscapeDataString("！？（（「"));
        await Assertions.Expect(page.Locator(".zero-results")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .consult")).ToContainTextAsync("188");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownEntryIsAJapaneseNotFoundPage()
    {
        var page = await NoScriptPageAsync();
        var response = await page.GotoAsync("/faq/no-such-entry-2026");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ページが見つかりません");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/faq")]
    [InlineData("/faq/search?q=%E3%82%AF%E3%83%BC%E3%83%AA%E3%83%B3%E3%82%B0%E3%82%AA%E3%83%95")]
    [InlineData("/faq/teiki-kounyu-otameshi")]
    [InlineData("/faq/category/houmon-hanbai")]
    public async Task PortalPageHasNoSeriousOrCriticalAxeViolations(string path)
    {
        var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("main h1");

        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine($"{path}: {violation.Id} ({violation.Impact}): {violation.Help} — {string.Join(" | ", violation.Nodes.Select(n => n.Html))}");
        }

        Assert.Empty(blocking);
        await context.CloseAsync();
    }
}
