using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Administration;

[Collection(BrowserTestGroup.Name)]
public sealed class ApiKeyAdministrationTests(YorisoiHost host)
{
    [Fact]
    public async Task CenterAdminIssuesAKeySeesItsSecretOnceAndRevokesIt()
    {
        var page = await host.SignInAsync(StaffBrowser.CenterAdmin);
        await page.OpenAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "APIキー" }).ClickAsync();
        await page.WaitForSelectorAsync("main[data-interactive='true'] #key-f-Name");

        var name = "画面テスト " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("名前（用途）").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "発行する" }).ClickAsync();
        var secret = (await page.Locator("#api-key-secret").TextContentAsync())!.Trim();
        Assert.StartsWith("yk_", secret, StringComparison.Ordinal);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("有効");
        var blocking = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));

        // The key is judged alone, even with the administrator's cookie alongside it.
        var withKey = new APIRequestContextOptions { Headers = new Dictionary<string, string> { ["X-Api-Key"] = secret } };
        Assert.Equal(200, (await page.Context.APIRequest.GetAsync("/api/cases", withKey)).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "控えたので閉じる" }).ClickAsync();
        await Assertions.Expect(page.Locator("#api-key-secret")).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = $"{name} を失効させる" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "失効", Exact = true })).ToHaveCountAsync(1);
        Assert.Equal(401, (await page.Context.APIRequest.GetAsync("/api/cases", withKey)).Status);
        await page.Context.CloseAsync();
    }
}
