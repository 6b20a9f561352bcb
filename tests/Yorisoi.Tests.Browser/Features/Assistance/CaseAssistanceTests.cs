using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Assistance;

/// <summary>The assistance on the case form: classification candidates, the checklists and the rules that may apply.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaseAssistanceTests(YorisoiHost host, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

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

        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine($"{violation.Id} ({violation.Impact}): {violation.Help} — {string.Join(" | ", violation.Nodes.Select(n => n.Html))}");
        }

        Assert.Empty(blocking);
        await page.Context.CloseAsync();
    }
}
