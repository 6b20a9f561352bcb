using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Administration;

[Collection(BrowserTestGroup.Name)]
public sealed class UserAdministrationTests(YorisoiHost host)
{
    [Fact]
    public async Task CenterAdminAddsACounselorAndLocksThem()
    {
        var page = await host.SignInAsync(StaffBrowser.CenterAdmin);
        await page.OpenAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "職員管理" }).ClickAsync();
        await page.WaitForSelectorAsync("main[data-interactive='true'] #new-email");

        var email = $"browser-{Guid.NewGuid():N}@test.yorisoi.jp";
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("氏名").FillAsync("画面 追加");
        await page.GetByLabel("役割").SelectOptionAsync(new SelectOptionValue { Label = "相談員" });
        await page.GetByLabel("初期パスワード（12文字以上）").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "職員を追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-password-error")).ToContainTextAsync("12文字以上");

        await page.GetByLabel("初期パスワード（12文字以上）").FillAsync("Browser-Password-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "職員を追加" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = email })).ToHaveTextAsync($"{email} を追加しました。");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("利用可");

        await row.GetByRole(AriaRole.Button, new() { Name = $"{email} をロック" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("ロック中");
        var blocking = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));

        await row.GetByRole(AriaRole.Button, new() { Name = $"{email} のロック解除" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("利用可");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CounselorHasNoLinkToTheAdminPage()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "職員管理" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
