using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Yorisoi.Tests.Browser.Infrastructure;

/// <summary>Runs axe on the page as it is and fails on any serious or critical violation, writing each one to the test output.</summary>
internal static class AxeAssert
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task NoBlockingViolationsAsync(IPage page, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        foreach (var violation in blocking)
        {
            output.WriteLine($"{page.Url}: {violation.Id} ({violation.Impact}): {violation.Help} — {string.Join(" | ", violation.Nodes.Select(n => n.Html))}");
        }

        Assert.Empty(blocking);
    }
}
