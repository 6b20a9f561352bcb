using Microsoft.Playwright;
using Xunit.Abstractions;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Assistance;

/// <summary>The assistance on the case form: classification candidates, the checklists and the rules that may apply.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaseAssistanceTests(YorisoiHost host, ITestOutputHelper output)
{
    private static readonly string[] SubscriptionKeyword = ["K0208"];

    private static readonly string[] Submit = ["SubmitForApproval"];

    [Fact]
    public async Task TheNarrativeBringsCandidatesAClickTakesOneAndTheChecklistAndRulesFollowTheFields()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" })
            .FillAsync("作業着の男性が突然家に来て、屋根の瓦がずれていると言われ、その場で屋根工事を80万円で契約した。");

        var hints = page.GetByTestId("classification-hints");
        var roof = hints.Locator("[data-field='product'] button[data-code='1303']");
        await Assertions.Expect(roof).ToBeVisibleAsync();
        var doorToDoor = hints.Locator("[data-field='salesForm'] button[data-code='S2']");
        await Assertions.Expect(doorToDoor).ToBeVisibleAsync();

        await roof.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類", Exact = true })).ToHaveValueAsync("屋根工事");
        await Assertions.Expect(roof).ToHaveAttributeAsync("aria-pressed", "true");
        await doorToDoor.ClickAsync();
        await Assertions.Expect(page.GetByLabel("販売購入形態", new() { Exact = true })).ToHaveValueAsync("S2");

        var checklist = page.GetByTestId("checklists").Locator("details[data-checklist='houmon-hanbai']");
        await Assertions.Expect(checklist).ToBeVisibleAsync();
        var documentItem = checklist.Locator("li[data-item='document-date']");
        await Assertions.Expect(documentItem).Not.ToHaveClassAsync("done");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);
        var received = today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("契約日", new() { Exact = true }).FillAsync(received);
        await page.GetByLabel("法定書面の受領日", new() { Exact = true }).FillAsync(received);
        await page.GetByLabel("法定書面の受領日", new() { Exact = true }).BlurAsync();

        await Assertions.Expect(documentItem).ToHaveClassAsync("done");
        var rule = page.GetByTestId("applicable-rules").Locator("li[data-rule='cooling-off.houmon-hanbai']");
        await Assertions.Expect(rule).ToContainTextAsync("あてはまる");
        await Assertions.Expect(rule).ToContainTextAsync("特定商取引法");

        await AxeAssert.NoBlockingViolationsAsync(page, output);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheApprovalQueueShowsEachCasesFindingsAndTheReportListsTheCommonestOnes()
    {
        var counselor = await host.SignInAsync(StaffBrowser.Counselor);
        var business = $"入力点検テスト商事{Guid.NewGuid().ToString("N")[..6]}";
        await SubmitCaseWithoutAgeBandAsync(counselor, business);
        await counselor.Context.CloseAsync();

        var page = await host.SignInAsync(StaffBrowser.Supervisor);
        await page.OpenAsync("/approvals");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "よくある入力の指摘（研修用）" })).ToBeVisibleAsync();
        var row = page.Locator("table.approvals-table tbody tr").Filter(new() { HasText = business });
        await Assertions.Expect(row.GetByTestId("summary")).ToContainTextAsync("定期購入");
        var checks = row.GetByTestId("checks");
        await Assertions.Expect(checks).ToContainTextAsync("点：誤り");
        var finding = checks.GetByRole(AriaRole.Link, new() { Name = "契約当事者の年代を入力してください（分からない場合は「不明」）。" });
        await Assertions.Expect(finding).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/edit#f-Consultant-AgeBandCode$"));

        await page.OpenAsync("/approvals/checks");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("よくある入力の指摘");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "点検しました" })).ToBeVisibleAsync();

        await AxeAssert.NoBlockingViolationsAsync(page, output);
        await page.Context.CloseAsync();
    }

    /// <summary>A case through the API, ready for approval but for the contract party's age band, then submitted.</summary>
    private static async Task SubmitCaseWithoutAgeBandAsync(IPage page, string business)
    {
        var api = page.Context.APIRequest;
        var created = await api.PostAsync("/api/cases", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            DataObject = new
            {
                receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                channelCode = "C1",
                summary = "通販で健康食品を注文したら定期購入だった。解約の方法を助言した。",
                consultant = new { phone = "090-0000-2222" },
                business = new { name = business },
                productCode = "0201",
                salesFormCode = "S3",
                keywordCodes = SubscriptionKeyword,
                resultCode = "R1",
            },
        });
        Assert.True(created.Ok, $"{created.Status} {await created.TextAsync()}");
        using var json = System.Text.Json.JsonDocument.Parse(await created.BodyAsync());
        var id = json.RootElement.GetProperty("id").GetGuid();
        var log = await api.PostAsync($"/api/cases/{id}/handling-log", new APIRequestContextOptions
        {
            DataObject = new { occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), methodCode = "M1", counterpartCode = "T1", text = "解約の申出方法を助言した。" },
        });
        Assert.True(log.Ok, $"{log.Status} {await log.TextAsync()}");
        // The first handling log entry already moved the case from 受付 to 対応中.
        foreach (var action in Submit)
        {
            var moved = await api.PostAsync($"/api/cases/{id}/transitions", new APIRequestContextOptions { DataObject = new { action } });
            Assert.True(moved.Ok, $"{action}: {moved.Status} {await moved.TextAsync()}");
        }
    }
}
