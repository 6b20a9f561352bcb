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
        await page.WaitForSelectorAsync("main[data-interactive='true'] #user-f-Email");

        var email = $"browser-{Guid.NewGuid():N}@test.yorisoi.jp";
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("氏名").FillAsync("画面 追加");
        await page.GetByLabel("役割").SelectOptionAsync(new SelectOptionValue { Label = "相談員" });
        await page.GetByLabel("初期パスワード（12文字以上）").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "職員を追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("#user-e-Password")).ToContainTextAsync("12文字以上");

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
    public async Task AnEmptyNewUserFormSaysWhichFieldsAreRequired()
    {
        var page = await host.SignInAsync(StaffBrowser.CenterAdmin);
        await page.OpenAsync("/admin/users");
        await page.GetByRole(AriaRole.Button, new() { Name = "職員を追加" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "入力内容を確認してください" });
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["メールアドレスを入力してください。", "氏名を入力してください。", "初期パスワードを入力してください。"]);
        var name = page.GetByLabel("氏名");
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(name).ToHaveAttributeAsync("aria-describedby", "user-e-DisplayName");
        await Assertions.Expect(page.Locator("#user-e-DisplayName")).ToHaveTextAsync("氏名を入力してください。");
        Assert.True(await name.EvaluateAsync<double>("input => input.getBoundingClientRect().width") < 600, "The name input spans the whole page.");

        await summary.GetByRole(AriaRole.Link, new() { Name = "氏名を入力してください。" }).ClickAsync();
        await Assertions.Expect(name).ToBeFocusedAsync();
        var blocking = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CenterAdminIsOfferedNoActionOnThemselvesOrOnWiderAdministrators()
    {
        // A system administrator placed in the center admin's own center: visible there, but not theirs to lock.
        var system = await host.SignInAsync(StaffBrowser.SystemAdmin);
        var centers = await system.Context.APIRequest.GetAsync("/api/admin/centers");
        using var centerList = System.Text.Json.JsonDocument.Parse(await centers.BodyAsync());
        var tokyo = centerList.RootElement.EnumerateArray().First(c => c.GetProperty("name").GetString() == "東京都消費生活総合センター（デモ）").GetProperty("id").GetGuid();
        var wider = $"browser-sysadmin-{Guid.NewGuid():N}@test.yorisoi.jp";
        var created = await system.Context.APIRequest.PostAsync($"/api/admin/centers/{tokyo}/users", new APIRequestContextOptions
        {
            DataObject = new { email = wider, displayName = "画面 システム管理者", role = "system-admin", password = "Browser-Password-2026" },
        });
        Assert.True(created.Ok, $"Creating the system administrator failed: {created.Status} {await created.TextAsync()}");
        await system.Context.CloseAsync();

        var page = await host.SignInAsync(StaffBrowser.CenterAdmin);
        await page.OpenAsync("/admin/users");
        var table = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = StaffBrowser.Counselor }).GetByRole(AriaRole.Button, new() { Name = $"{StaffBrowser.Counselor} をロック" })).ToBeVisibleAsync();

        foreach (var email in new[] { wider, StaffBrowser.PrefectureAdmin, StaffBrowser.CenterAdmin })
        {
            var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        }

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
