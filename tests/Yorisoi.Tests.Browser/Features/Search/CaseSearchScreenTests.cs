using System.Diagnostics;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Search;

[Collection(BrowserTestGroup.Name)]
public sealed class CaseSearchScreenTests(YorisoiHost host)
{
    [Fact]
    public async Task CounselorSearchesMarkedSnippetsKeepsTheQueryInTheUrlAndOpensTheCase()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var word = new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
        var id = await page.RegisterCaseAsync($"{word}販売");
        var query = $"事業者名:{word} 定期購入";
        await WaitUntilSearchableAsync(page, query, id);

        await page.OpenAsync("/cases/search");
        await page.GetByLabel("検索語").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();

        var hit = page.Locator(".search-hit");
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit.Locator("mark").First).ToHaveTextAsync("定期購入");
        Assert.Contains("q=" + Uri.EscapeDataString(query), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("aside.facets")).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id + ": " + v.Help));

        // The URL alone brings the same result back (a bookmark, a link sent to a colleague).
        var url = page.Url;
        await page.OpenAsync(new Uri(url).PathAndQuery);
        await Assertions.Expect(page.Locator(".search-hit")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("検索語")).ToHaveValueAsync(query);

        // The link names the search it came from, so the search log learns which case was opened.
        await page.Locator(".search-hit a.case-link").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{id}\\?searchId=[1-9][0-9]*$"), UrlWait.Committed());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheMenuLeadsCounselorsToCaseSearch()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases");

        await page.GetByRole(AriaRole.Link, new() { Name = "相談検索", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/cases/search", UrlWait.Committed());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "相談検索", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCasePageShowsSimilarCasesWithTheWordsTheyShare()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var word = new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
        var id = await page.RegisterCaseAsync($"{word}販売");
        await WaitUntilSearchableAsync(page, $"事業者名:{word}", id);

        await page.OpenAsync($"/cases/{id}");

        var panel = page.Locator("section.similar-cases");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "似ている相談" })).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("a.case-link")).ToHaveCountAsync(5);
        await Assertions.Expect(panel.GetByText("共通する語:").First).ToBeVisibleAsync();
        await panel.Locator("a.case-link").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith($"/cases/{id}", StringComparison.Ordinal) && url.Contains("/cases/", StringComparison.Ordinal), UrlWait.Committed());
        await page.Context.CloseAsync();
    }

    // The index follows the database within a moment; wait for it through the API rather than reloading the page.
    private static async Task WaitUntilSearchableAsync(IPage page, string query, Guid id)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var response = await page.Context.APIRequest.GetAsync("/api/search/cases?q=" + Uri.EscapeDataString(query));
            Assert.True(response.Ok, $"Search answered {response.Status}.");
            using var json = JsonDocument.Parse(await response.BodyAsync());
            // Also until a first build of the demo cases is done, so that what is similar is there to be found.
            if (!json.RootElement.GetProperty("indexingInProgress").GetBoolean()
                && json.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("id").GetGuid() == id))
            {
                return;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60), "The case did not become searchable.");
            await Task.Delay(50);
        }
    }
}
