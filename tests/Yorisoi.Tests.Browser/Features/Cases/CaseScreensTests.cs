using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

[Collection(BrowserTestGroup.Name)]
public sealed partial class CaseScreensTests(YorisoiHost host)
{
    [Fact]
    public async Task CounselorRegistersCaseWithCodePickerAfterFixingMalformedPhoneAndFindsItInList()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var businessName = $"株式会社ブラウザ定期便{Guid.NewGuid().ToString("N")[..6]}";
        const string summary = "広告を見てお試しのつもりで健康食品を注文したが、定期購入になっていた。解約したい。";

        await page.OpenAsync("/cases/new");
        await page.GetByLabel("相談者の電話番号").FillAsync("03-12");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" }).FillAsync(summary);
        await page.GetByLabel("事業者名", new() { Exact = true }).FillAsync(businessName);

        var product = page.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類" });
        // One input event: this test is about choosing a code; typing key by key is PickerTypingTests.
        await product.FillAsync("定期");
        var healthFood = page.GetByRole(AriaRole.Option, new() { Name = "健康食品" });
        await Assertions.Expect(healthFood).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "化粧品" })).ToBeVisibleAsync();
        await healthFood.ClickAsync();
        await Assertions.Expect(product).ToHaveValueAsync("健康食品");
        await Assertions.Expect(page.GetByText("選択中: 食料品 > 健康食品")).ToBeVisibleAsync();

        var keywords = page.GetByRole(AriaRole.Combobox, new() { Name = "内容キーワード" });
        await keywords.FillAsync("定期");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "定期購入" })).ToBeVisibleAsync();
        await keywords.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "定期購入を外す" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();

        var summaryBox = page.Locator(".error-summary");
        await Assertions.Expect(summaryBox).ToContainTextAsync("相談者の電話番号の形式が正しくありません");
        await Assertions.Expect(summaryBox).ToHaveAttributeAsync("role", "alert");
        var phone = page.GetByLabel("相談者の電話番号");
        await Assertions.Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#e-Consultant-Phone")).ToContainTextAsync("相談者の電話番号の形式が正しくありません");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" })).ToHaveValueAsync(summary);
        await Assertions.Expect(product).ToHaveValueAsync("健康食品");
        Assert.Equal(1, await page.Locator(".error-summary li").CountAsync());

        await phone.FillAsync("03-1234-5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(CaseUrl(), UrlWait.Committed());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "相談を登録しました" })).ToBeVisibleAsync();
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        var receiptNumber = ReceiptNumber().Match(heading).Value;
        Assert.False(string.IsNullOrEmpty(receiptNumber), $"No receipt number in the heading '{heading}'.");
        await Assertions.Expect(page.GetByText("食料品 > 健康食品")).ToBeVisibleAsync();

        await page.OpenAsync("/cases");
        await page.GetByLabel("事業者名").FillAsync(businessName);
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("business=", StringComparison.Ordinal), UrlWait.Committed());
        var rows = page.Locator("table.case-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(businessName);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "全 1 件" })).ToBeVisibleAsync();

        await rows.First.GetByRole(AriaRole.Link, new() { Name = receiptNumber }).ClickAsync();
        await page.WaitForURLAsync(CaseUrl(), UrlWait.Committed());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(receiptNumber);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SupervisorApprovesSubmittedCaseWhichThenShowsCompletedAndReadOnly()
    {
        var counselor = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await RegisterReadyCaseAsync(counselor, $"決裁テスト商事{Guid.NewGuid().ToString("N")[..6]}");
        await counselor.OpenAsync($"/cases/{id}");
        await Assertions.Expect(counselor.GetByRole(AriaRole.Button, new() { Name = "決裁（承認）" })).ToHaveCountAsync(0);
        await counselor.GetByRole(AriaRole.Button, new() { Name = "決裁依頼" }).ClickAsync();
        await counselor.GetByRole(AriaRole.Button, new() { Name = "決裁依頼する" }).ClickAsync();
        await Assertions.Expect(counselor.Locator(".case-title .badge")).ToHaveTextAsync("決裁待ち");
        await Assertions.Expect(counselor.GetByText("決裁を依頼しました。")).ToBeVisibleAsync();
        await counselor.Context.CloseAsync();

        var supervisor = await host.SignInAsync(StaffBrowser.Supervisor);
        await supervisor.OpenAsync($"/cases/{id}");
        await Assertions.Expect(supervisor.Locator(".case-title .badge")).ToHaveTextAsync("決裁待ち");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "決裁（承認）" }).ClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "決裁（承認）する" }).ClickAsync();

        await Assertions.Expect(supervisor.Locator(".case-title .badge")).ToHaveTextAsync("完了");
        await Assertions.Expect(supervisor.Locator("#read-only-notice")).ToContainTextAsync("読み取り専用");
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "編集", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Button, new() { Name = "追加する" })).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Button, new() { Name = "再開" })).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Locator("table.timeline-table")).ToContainTextAsync("決裁（承認）");

        await supervisor.OpenAsync($"/cases/{id}/edit");
        await Assertions.Expect(supervisor.GetByText("この相談は決裁済み（完了）のため編集できません。")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Button, new() { Name = "変更を保存" })).ToHaveCountAsync(0);
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task CounselorRecordsHandlingAndMediationWhichAppearOnTheCaseAndItsTimeline()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await page.RegisterCaseAsync($"あっせん確認通販{Guid.NewGuid().ToString("N")[..6]}");
        await page.OpenAsync($"/cases/{id}");

        var log = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "処理経過", Exact = true }) });
        await log.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions.Expect(log.Locator("#log-e-Text")).ToContainTextAsync("内容を入力してください");
        await log.GetByRole(AriaRole.Textbox, new() { Name = "内容" }).FillAsync("相談者に解約の申出方法を助言した。");
        await log.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions.Expect(log.Locator(".log-entry")).ToContainTextAsync("相談者に解約の申出方法を助言した。");
        await Assertions.Expect(page.Locator(".case-title .badge")).ToHaveTextAsync("対応中");

        var mediation = page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "あっせん", Exact = true }) });
        await mediation.GetByRole(AriaRole.Button, new() { Name = "あっせんを開始" }).ClickAsync();
        await Assertions.Expect(page.Locator(".case-title")).ToContainTextAsync("あっせん中");
        await mediation.GetByRole(AriaRole.Textbox, new() { Name = "内容" }).FillAsync("事業者に連絡し、返金を求めた。");
        await mediation.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions.Expect(mediation.Locator(".log-entry")).ToContainTextAsync("事業者に連絡し、返金を求めた。");

        await mediation.GetByRole(AriaRole.Radio, new() { Name = "解決" }).CheckAsync();
        await mediation.GetByRole(AriaRole.Textbox, new() { Name = "救済金額" }).FillAsync("１２，０００円");
        await mediation.GetByRole(AriaRole.Button, new() { Name = "あっせんを終了する" }).ClickAsync();
        await Assertions.Expect(mediation).ToContainTextAsync("あっせん解決");
        await Assertions.Expect(mediation).ToContainTextAsync("12,000円");

        var timeline = page.Locator("table.timeline-table");
        await Assertions.Expect(timeline).ToContainTextAsync("あっせん開始");
        await Assertions.Expect(timeline).ToContainTextAsync("あっせん終了");
        await Assertions.Expect(timeline).ToContainTextAsync("処理経過を追加");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnotherCentersCounselorOpeningTheCaseUrlGetsNotFound()
    {
        var counselor = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await counselor.RegisterCaseAsync($"他センター確認{Guid.NewGuid().ToString("N")[..6]}");
        await counselor.Context.CloseAsync();

        var yokohama = await host.SignInAsync(StaffBrowser.YokohamaCounselor);
        foreach (var path in new[] { $"/cases/{id}", $"/cases/{id}/edit" })
        {
            var response = await yokohama.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await yokohama.WaitForSelectorAsync("main[data-interactive='true']");
            await Assertions.Expect(yokohama.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("相談が見つかりません");
            await Assertions.Expect(yokohama.GetByText("決裁テスト")).ToHaveCountAsync(0);
            await Assertions.Expect(yokohama.GetByText("他センター確認")).ToHaveCountAsync(0);
        }

        await yokohama.Context.CloseAsync();
    }

    [Fact]
    public async Task SecondEditorSeesBothVersionsAfterConflictAndSavesWithoutLosingInput()
    {
        var first = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await first.RegisterCaseAsync($"競合確認販売{Guid.NewGuid().ToString("N")[..6]}");
        await first.OpenAsync($"/cases/{id}/edit");
        var myBusiness = $"わたしの入力商会{Guid.NewGuid().ToString("N")[..6]}";
        await first.GetByLabel("事業者名", new() { Exact = true }).FillAsync(myBusiness);

        var second = await host.SignInAsync(StaffBrowser.Supervisor);
        await second.OpenAsync($"/cases/{id}/edit");
        const string theirSummary = "所属長が追記した相談概要。事業者に連絡済み。";
        await second.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" }).FillAsync(theirSummary);
        await second.GetByRole(AriaRole.Button, new() { Name = "変更を保存" }).ClickAsync();
        await second.WaitForURLAsync(CaseUrl(), UrlWait.Committed());
        await second.Context.CloseAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "変更を保存" }).ClickAsync();
        var conflict = first.Locator(".conflict-panel");
        await Assertions.Expect(conflict).ToContainTextAsync("他の職員が先にこの相談を更新しました");
        var summaryRow = conflict.Locator("tr").Filter(new() { HasText = "相談概要" });
        await Assertions.Expect(summaryRow.Locator("td.theirs")).ToHaveTextAsync(theirSummary);
        var businessRow = conflict.Locator("tr").Filter(new() { HasText = "事業者名" });
        await Assertions.Expect(businessRow.Locator("td.mine")).ToHaveTextAsync(myBusiness);
        await Assertions.Expect(first.GetByLabel("事業者名", new() { Exact = true })).ToHaveValueAsync(myBusiness);

        await summaryRow.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" })).ToHaveValueAsync(theirSummary);
        await first.GetByRole(AriaRole.Button, new() { Name = "この内容で保存し直す" }).ClickAsync();
        await first.WaitForURLAsync(CaseUrl(), UrlWait.Committed());
        await Assertions.Expect(first.Locator(".narrative")).ToHaveTextAsync(theirSummary);
        await Assertions.Expect(first.GetByText(myBusiness).First).ToBeVisibleAsync();
        await first.Context.CloseAsync();
    }

    /// <summary>A case with what 決裁依頼 needs (result, handling log entry, classification), made through the API.</summary>
    private static async Task<Guid> RegisterReadyCaseAsync(IPage page, string businessName)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/cases", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            DataObject = new
            {
                receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                channelCode = "C1",
                summary = "ブラウザテスト用の相談です。定期購入の解約について助言した。",
                business = new { name = businessName },
                productCode = "0201",
                salesFormCode = "S3",
                resultCode = "R1",
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await response.BodyAsync());
        var id = json.RootElement.GetProperty("id").GetGuid();
        var log = await page.Context.APIRequest.PostAsync($"/api/cases/{id}/handling-log", new APIRequestContextOptions
        {
            DataObject = new { occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), methodCode = "M1", counterpartCode = "T1", text = "解約の申出方法を助言した。" },
        });
        Assert.True(log.Ok, await log.TextAsync());
        return id;
    }

    private static Regex CaseUrl() => CaseUrlPattern();

    [GeneratedRegex(@"/cases/[0-9a-f\-]{36}(\?.*)?$")]
    private static partial Regex CaseUrlPattern();

    [GeneratedRegex(@"\d{4}-\d+-\d+")]
    private static partial Regex ReceiptNumber();
}
