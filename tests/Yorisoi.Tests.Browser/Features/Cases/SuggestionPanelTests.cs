using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

/// <summary>FAQ候補自動表示 on the case form: candidates follow the narrative as it is typed, and one click links an entry.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SuggestionPanelTests(YorisoiHost host)
{
    [Fact]
    public async Task TypingANarrativeShowsFaqCandidatesAndSimilarCasesAndOneClickLinksAnEntry()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await page.RegisterCaseAsync($"候補表示確認{Guid.NewGuid().ToString("N")[..6]}");
        await page.OpenAsync($"/cases/{id}/edit");
        var panel = page.GetByRole(AriaRole.Complementary, new() { Name = "FAQ候補と類似相談" });
        var summary = page.Locator("textarea.summary-input");

        await summary.FillAsync("");
        await summary.PressSequentiallyAsync("屋根の無料点検に来た業者に、今すぐ工事しないと雨漏りすると言われて契約した。クーリング・オフしたい。");

        // The case's first narrative was about a subscription; the candidates follow the new text once typing pauses.
        var faq = panel.GetByTestId("faq-suggestions").GetByRole(AriaRole.Listitem);
        await Assertions.Expect(panel.GetByTestId("faq-suggestions")).ToContainTextAsync("屋根", new() { Timeout = 30_000 });
        await Assertions.Expect(panel.GetByTestId("faq-suggestions").Locator("mark").First).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("case-suggestions").GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();
        Assert.InRange(await faq.CountAsync(), 1, 5);

        var first = faq.Filter(new() { HasText = "屋根" }).First;
        var question = (await first.Locator(".suggestion-title").TextContentAsync())!.Trim();
        await first.GetByRole(AriaRole.Button, new() { Name = $"「{question}」をこの相談に関連付ける" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = $"「{question}」はこの相談に関連付け済み" })).ToBeDisabledAsync();

        var links = await page.Context.APIRequest.GetAsync($"/api/cases/{id}/faq-links");
        using (var json = JsonDocument.Parse(await links.BodyAsync()))
        {
            Assert.Equal([question], json.RootElement.EnumerateArray().Select(l => l.GetProperty("question").GetString()));
        }

        var blocking = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        await page.Context.CloseAsync();
    }
}
