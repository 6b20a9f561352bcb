using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Assistance;

/// <summary>The hand-over page (引き継ぎ), reached from the case page, the test host's LLM endpoint is a recording server.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class HandoverPageTests(YorisoiHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task TheCasePageLinksToAHandoverWithTheSummaryLatestLogDeadlinesAndOpenItems()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var consumer = $"引継試験{Guid.NewGuid().ToString("N")[..4]}";
        var id = await RegisterDoorToDoorCaseAsync(page, consumer);

        var requestsBefore = host.Llm.Requests.Count;
        await page.OpenAsync($"/cases/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "引き継ぎ用の要約" }).ClickAsync();
        await page.WaitForURLAsync(HandoverUrl(), UrlWait.Committed());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("引き継ぎ");
        await Assertions.Expect(page.GetByTestId("handover-summary")).ToContainTextAsync("屋根工事");
        var log = page.GetByTestId("handover-log");
        await Assertions.Expect(log.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(log).ToContainTextAsync("事業者に解約を申し出るよう助言した。");
        await Assertions.Expect(log).ToContainTextAsync("記録者");
        await Assertions.Expect(page.GetByTestId("handover-rules").Locator("li[data-rule='cooling-off.houmon-hanbai']")).ToContainTextAsync("期限");
        await Assertions.Expect(page.GetByTestId("handover-checklists").Locator("[data-checklist='houmon-hanbai']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("handover-checks")).ToContainTextAsync("点");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷する" })).ToBeVisibleAsync();
        // The stored contact details are not on the page (the narrative is, as written).
        await Assertions.Expect(page.GetByText("090-0000-3333")).ToHaveCountAsync(0);

        // The LLM summary is made only on request, and shown as machine-generated with the model's name.
        var llm = page.GetByTestId("llm-summary");
        await Assertions.Expect(llm).ToContainTextAsync(YorisoiHost.LlmModel);
        Assert.Equal(requestsBefore, host.Llm.Requests.Count);
        await llm.GetByRole(AriaRole.Button, new() { Name = "LLM 要約を作る" }).ClickAsync();
        var generated = page.GetByTestId("llm-summary-text");
        await Assertions.Expect(generated).ToContainTextAsync("機械生成の要約");
        await Assertions.Expect(generated).ToContainTextAsync(YorisoiHost.LlmModel);
        await Assertions.Expect(generated).ToContainTextAsync(host.Llm.Answer);
        Assert.Equal(requestsBefore + 1, host.Llm.Requests.Count);
        var sent = host.Llm.Requests.Last().MessageText("user");
        Assert.DoesNotContain(consumer, sent, StringComparison.Ordinal);
        Assert.Contains("〔氏名〕", sent, StringComparison.Ordinal);

        await AxeAssert.NoBlockingViolationsAsync(page, output);
        await page.Context.CloseAsync();
    }

    /// <summary>A door-to-door roofing case with a consumer name and one handling-log entry, made through the API.</summary>
    private static async Task<Guid> RegisterDoorToDoorCaseAsync(IPage page, string consumer)
    {
        var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime).AddDays(-2)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await page.Context.APIRequest.PostAsync("/api/cases", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            DataObject = new
            {
                receivedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
                channelCode = "C1",
                summary = consumer + "さんから相談。作業着の男性が突然家に来て、屋根の瓦がずれていると言われ、その場で屋根工事を80万円で契約した。契約書は2日前に受け取った。解約したい。",
                consultant = new { name = consumer, phone = "090-0000-3333" },
                business = new { name = "引継テスト工務店" },
                productCode = "1303",
                salesFormCode = "S2",
                contractDate = received,
                documentReceivedDate = received,
                contractAmount = 800_000,
            },
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await response.BodyAsync());
        var id = json.RootElement.GetProperty("id").GetGuid();
        var log = await page.Context.APIRequest.PostAsync($"/api/cases/{id}/handling-log", new APIRequestContextOptions
        {
            DataObject = new { occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), methodCode = "M1", counterpartCode = "T1", text = "クーリング・オフができることを説明し、事業者に解約を申し出るよう助言した。" },
        });
        Assert.True(log.Ok, await log.TextAsync());
        return id;
    }

    [GeneratedRegex(@"/cases/[0-9a-f\-]{36}/handover$")]
    private static partial Regex HandoverUrl();
}
