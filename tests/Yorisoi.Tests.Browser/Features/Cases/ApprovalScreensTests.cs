using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

/// <summary>決裁依頼 and 決裁 on the case page, the approvers' queue, and finding a case by its receipt number.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ApprovalScreensTests(YorisoiHost host)
{
    [Fact]
    public async Task TheCasePageSaysWhatIsMissingAndSubmittingAndApprovingAreConfirmedFirst()
    {
        var counselor = await host.SignInAsync(StaffBrowser.Counselor);
        var business = $"決裁前提確認商事{Guid.NewGuid().ToString("N")[..6]}";
        var id = await counselor.RegisterCaseAsync(business);
        await counselor.OpenAsync($"/cases/{id}");

        var readiness = counselor.Locator("#readiness");
        await Assertions.Expect(readiness).ToContainTextAsync("決裁依頼の前に、次の項目を入力してください。");
        await Assertions.Expect(readiness.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["処理結果を入力してください。", "処理経過を1件以上記録してください。"]);
        var submit = counselor.GetByRole(AriaRole.Button, new() { Name = "決裁依頼", Exact = true });
        await Assertions.Expect(submit).ToBeDisabledAsync();

        var log = counselor.Locator("section").Filter(new() { Has = counselor.GetByRole(AriaRole.Heading, new() { Name = "処理経過", Exact = true }) });
        await log.GetByRole(AriaRole.Textbox, new() { Name = "内容" }).FillAsync("相談者に解約の申出方法を助言した。");
        await log.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions.Expect(readiness.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["処理結果を入力してください。"]);

        await readiness.GetByRole(AriaRole.Link, new() { Name = "処理結果を入力してください。" }).ClickAsync();
        await counselor.WaitForURLAsync($"**/cases/{id}/edit", UrlWait.Committed());
        await counselor.WaitForSelectorAsync("main[data-interactive='true']");
        await counselor.GetByLabel("処理結果", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "助言（自主交渉）" });
        await counselor.GetByRole(AriaRole.Button, new() { Name = "変更を保存" }).ClickAsync();
        await counselor.WaitForURLAsync(url => url.Contains("saved=1", StringComparison.Ordinal), UrlWait.Committed());
        await Assertions.Expect(readiness).ToHaveCountAsync(0);

        await submit.ClickAsync();
        var confirm = counselor.GetByRole(AriaRole.Alertdialog, new() { Name = "決裁依頼の確認" });
        await Assertions.Expect(confirm).ToContainTextAsync("決裁者に回します（処理結果: 助言（自主交渉））");
        await Assertions.Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "決裁依頼する" })).ToBeFocusedAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "やめる" }).ClickAsync();
        await Assertions.Expect(confirm).ToHaveCountAsync(0);
        await Assertions.Expect(counselor.Locator(".case-title .badge")).ToHaveTextAsync("対応中");

        await submit.ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "決裁依頼する" }).ClickAsync();
        await Assertions.Expect(counselor.Locator(".case-title .badge")).ToHaveTextAsync("決裁待ち");
        var receiptNumber = ReceiptNumber().Match(await counselor.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Value;
        await Assertions.Expect(counselor.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "決裁待ち" })).ToHaveCountAsync(0);
        await counselor.Context.CloseAsync();

        var supervisor = await host.SignInAsync(StaffBrowser.Supervisor);
        await supervisor.OpenAsync("/cases");
        await supervisor.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = "決裁待ち" }).ClickAsync();
        await supervisor.WaitForURLAsync("**/approvals", UrlWait.Committed());
        var row = supervisor.Locator("table.approvals-table tbody tr").Filter(new() { HasText = receiptNumber });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(business);
        await Assertions.Expect(row).ToContainTextAsync("相談員");
        await Assertions.Expect(row.Locator("time")).ToHaveTextAsync(JustNow());

        await row.GetByRole(AriaRole.Link, new() { Name = receiptNumber }).ClickAsync();
        await supervisor.WaitForURLAsync($"**/cases/{id}", UrlWait.Committed());
        await supervisor.WaitForSelectorAsync("main[data-interactive='true']");
        var approve = supervisor.GetByRole(AriaRole.Button, new() { Name = "決裁（承認）", Exact = true });
        await approve.ClickAsync();
        var approval = supervisor.GetByRole(AriaRole.Alertdialog, new() { Name = "決裁（承認）の確認" });
        await Assertions.Expect(approval).ToContainTextAsync("決裁後は再開するまで編集できません。");
        await approval.GetByRole(AriaRole.Button, new() { Name = "やめる" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".case-title .badge")).ToHaveTextAsync("決裁待ち");
        await approve.ClickAsync();
        await approval.GetByRole(AriaRole.Button, new() { Name = "決裁（承認）する" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".case-title .badge")).ToHaveTextAsync("完了");

        await supervisor.OpenAsync("/approvals");
        await Assertions.Expect(supervisor.Locator("table.approvals-table tbody tr").Filter(new() { HasText = receiptNumber })).ToHaveCountAsync(0);
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task AReceiptNumberOpensItsCaseAndAnotherCentersNumberIsNotFound()
    {
        var counselor = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await counselor.RegisterCaseAsync($"受付番号確認店{Guid.NewGuid().ToString("N")[..6]}");
        var receiptNumber = await ReceiptNumberOfAsync(counselor, id);
        var wide = string.Concat(receiptNumber.Select(c => c == '-' ? '－' : (char)(c - '0' + '０')));

        await counselor.OpenAsync("/cases");
        await counselor.GetByRole(AriaRole.Searchbox, new() { Name = "受付番号", Exact = true }).FillAsync(wide);
        await counselor.GetByRole(AriaRole.Button, new() { Name = "開く", Exact = true }).ClickAsync();
        await counselor.WaitForURLAsync($"**/cases/{id}", UrlWait.Committed());
        await Assertions.Expect(counselor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receiptNumber);
        await counselor.Context.CloseAsync();

        var yokohama = await host.SignInAsync(StaffBrowser.YokohamaCounselor);
        await yokohama.OpenAsync("/cases");
        await yokohama.GetByRole(AriaRole.Searchbox, new() { Name = "受付番号", Exact = true }).FillAsync(receiptNumber);
        await yokohama.GetByRole(AriaRole.Button, new() { Name = "開く", Exact = true }).ClickAsync();
        await Assertions.Expect(yokohama.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"受付番号「{receiptNumber}」の相談は見つかりません。番号を確かめてください（他のセンターの相談は開けません）。");
        Assert.EndsWith("/cases", yokohama.Url, StringComparison.Ordinal);
        await yokohama.Context.CloseAsync();
    }

    [Fact]
    public async Task PostalCodesAndAmountsAreShownTheWayTheCasePageWritesThem()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" }).FillAsync("郵便番号と金額の表示を確かめる相談。");
        var postal = page.GetByLabel("相談者の郵便番号", new() { Exact = true });
        await postal.FillAsync("１５４００04");
        await postal.PressAsync("Tab");
        await Assertions.Expect(postal).ToHaveValueAsync("154-0004");
        var billed = page.GetByLabel("請求金額", new() { Exact = true });
        await billed.FillAsync("１２０００");
        await billed.PressAsync("Tab");
        await Assertions.Expect(billed).ToHaveValueAsync("12,000");
        var paid = page.GetByLabel("既支払額", new() { Exact = true });
        await paid.FillAsync("たくさん");
        await paid.PressAsync("Tab");
        await Assertions.Expect(paid).ToHaveValueAsync("たくさん");
        await paid.FillAsync("３，０００円");
        await paid.PressAsync("Tab");
        await Assertions.Expect(paid).ToHaveValueAsync("3,000");

        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("registered=1", StringComparison.Ordinal), UrlWait.Committed());
        await page.GetByRole(AriaRole.Button, new() { Name = "個人情報を表示" }).ClickAsync();
        await Assertions.Expect(page.Locator("#personal-consultant")).ToContainTextAsync("154-0004");
        await Assertions.Expect(page.Locator("#personal-consultant")).Not.ToContainTextAsync("1540004");
        await Assertions.Expect(page.Locator("dl.facts").Filter(new() { HasText = "請求金額" })).ToContainTextAsync("12,000円");

        var id = page.Url.Split('/')[^1].Split('?')[0];
        await page.OpenAsync($"/cases/{id}/edit");
        await Assertions.Expect(page.GetByLabel("相談者の郵便番号", new() { Exact = true })).ToHaveValueAsync("154-0004");
        await Assertions.Expect(page.GetByLabel("請求金額", new() { Exact = true })).ToHaveValueAsync("12,000");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheFormsKeywordPickerOffersKeywordsToChooseWhileTheListFilterKeepsItsGroups()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        var keywords = page.GetByRole(AriaRole.Combobox, new() { Name = "内容キーワード" });
        await keywords.FillAsync("契約");
        var options = page.GetByRole(AriaRole.Listbox, new() { Name = "内容キーワードの候補" }).GetByRole(AriaRole.Option);
        await Assertions.Expect(options.Filter(new() { HasText = "中途解約" })).ToContainTextAsync("契約・解約 > 中途解約");
        await Assertions.Expect(options.Filter(new() { HasText = "配下をすべて含む" })).ToHaveCountAsync(0);
        await Assertions.Expect(options.Filter(new() { HasText = "大分類" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        var list = await host.SignInAsync(StaffBrowser.Counselor);
        await list.OpenAsync("/cases");
        // One input event: this test is about the options' wording, not about typing speed.
        await list.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類" }).FillAsync("食料品");
        await Assertions.Expect(list.GetByRole(AriaRole.Option).Filter(new() { HasText = "配下をすべて含む" }).First).ToBeVisibleAsync();
        await list.Context.CloseAsync();
    }

    private static async Task<string> ReceiptNumberOfAsync(IPage page, Guid id)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/cases/{id}");
        Assert.True(response.Ok, await response.TextAsync());
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.GetProperty("receiptNumber").GetString()!;
    }

    [GeneratedRegex(@"^(たった今|[1-9]分前)$")]
    private static partial Regex JustNow();

    [GeneratedRegex(@"\d{4}-\d+-\d+")]
    private static partial Regex ReceiptNumber();
}
