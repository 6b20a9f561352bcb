using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(YorisoiHost host, ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task LoginPageHasNoSeriousOrCriticalAxeViolations()
    {
        var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await AssertNoBlockingViolationsAsync(page, "/login");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/cases")]
    [InlineData("/cases/new")]
    public async Task StaffPageHasNoSeriousOrCriticalAxeViolations(string path)
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync(path);
        await page.WaitForSelectorAsync(path == "/cases" ? "table.case-table" : "form.case-form");
        await AssertNoBlockingViolationsAsync(page, path);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CaseFormShowingErrorsAndOpenPickerHasNoSeriousOrCriticalAxeViolations()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        await page.GetByLabel("相談者の電話番号").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類" }).FillAsync("定期");
        await page.WaitForSelectorAsync("[role=listbox]:not([hidden]) [role=option]");
        await AssertNoBlockingViolationsAsync(page, "/cases/new (errors, open picker)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CaseFormOfferingTownsOfAPostalCodeHasNoSeriousOrCriticalAxeViolations()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        await page.GetByLabel("相談者の郵便番号").FillAsync("458-0817");
        await page.GetByLabel("相談者の郵便番号").PressAsync("Tab");
        await page.WaitForSelectorAsync(".postal-choices button");
        await AssertNoBlockingViolationsAsync(page, "/cases/new (postal code towns)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CaseDetailWithPersonalDataShownHasNoSeriousOrCriticalAxeViolations()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await page.RegisterCaseAsync($"アクセシビリティ確認{Guid.NewGuid().ToString("N")[..6]}");
        await page.OpenAsync($"/cases/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "個人情報を表示" }).ClickAsync();
        await page.WaitForSelectorAsync(".facts.personal");
        await page.WaitForSelectorAsync("table.timeline-table");
        await AssertNoBlockingViolationsAsync(page, $"/cases/{id}");
        await page.Context.CloseAsync();
    }

    private async Task AssertNoBlockingViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine(Describe(violation));
        }

        Assert.True(blocking.Count == 0, $"axe found serious or critical violations on {what}:{Environment.NewLine}{string.Join(Environment.NewLine, blocking.Select(Describe))}");
        Assert.Empty(blocking.Select(v => v.Id));
    }

    private static string Describe(AxeResultItem violation) =>
        $"[{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl}){Environment.NewLine}"
        + string.Join(Environment.NewLine, violation.Nodes.Select(n => $"    {n.Target} {n.Html}"));
}
