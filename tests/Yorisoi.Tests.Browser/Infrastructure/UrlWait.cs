using Microsoft.Playwright;

namespace Yorisoi.Tests.Browser.Infrastructure;

/// <summary>
/// URL waits that end when the navigation commits. Playwright's default also waits for the "load" event, and on a busy
/// machine that wait was seen to hang for a minute after the page had loaded and the network was idle (a no-JavaScript
/// page in CI). What a test checks next is a locator or an expectation, which waits for the content itself.
/// </summary>
internal static class UrlWait
{
    public static PageWaitForURLOptions Committed(float? timeout = null) =>
        new() { WaitUntil = WaitUntilState.Commit, Timeout = timeout };
}
