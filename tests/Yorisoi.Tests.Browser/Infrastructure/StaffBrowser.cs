using System.Text.Json;
using Microsoft.Playwright;

namespace Yorisoi.Tests.Browser.Infrastructure;

/// <summary>What a member of staff does in the browser: sign in, open screens once they are interactive, register test cases.</summary>
public static class StaffBrowser
{
    public const string Counselor = "counselor@demo.yorisoi.jp";
    public const string Supervisor = "supervisor@demo.yorisoi.jp";
    public const string YokohamaCounselor = "yokohama@demo.yorisoi.jp";
    public const string CenterAdmin = "centeradmin@demo.yorisoi.jp";
    public const string PrefectureAdmin = "prefadmin@demo.yorisoi.jp";
    public const string Analyst = "analyst@demo.yorisoi.jp";
    public const string SystemAdmin = "sysadmin@demo.yorisoi.jp";

    /// <summary>The demo administrators' authenticator secret.</summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXP";

    /// <summary>Signs in through the login screen (and the authenticator code screen, where the account asks for it).</summary>
    public static async Task<IPage> SignInAsync(this YorisoiHost host, string email)
    {
        var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(YorisoiHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();

        // The server decides whether a code is needed: the login form posts and the browser lands on one screen or the other.
        await page.WaitForURLAsync(url => PathOf(url) != "/login", UrlWait.Committed());
        if (PathOf(page.Url) == "/login/two-factor")
        {
            await AuthenticatorCodes.SubmitAsync(email, DemoAuthenticatorKey, async code =>
            {
                await page.GetByLabel("認証コード").FillAsync(code);
                // The form posts without script: a redirect means the code was accepted, the form again that it was not.
                var response = await page.RunAndWaitForResponseAsync(
                    () => page.GetByRole(AriaRole.Button, new() { Name = "確認", Exact = true }).ClickAsync(),
                    r => r.Request.Method == "POST" && PathOf(r.Url) == "/login/two-factor");
                if (response.Status is >= 300 and < 400)
                {
                    return true;
                }

                await page.GetByLabel("認証コード").WaitForAsync();
                return false;
            });
        }

        await page.WaitForURLAsync(url => !PathOf(url).StartsWith("/login", StringComparison.Ordinal), UrlWait.Committed());
        return page;
    }

    /// <summary>Signs out with the header's logout button and waits for the login screen.</summary>
    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => PathOf(url) == "/login", UrlWait.Committed());
    }

    public static string PathOf(string url) => new Uri(url).AbsolutePath;

    /// <summary>Opens a staff screen and waits until the server-side circuit has taken it over, so clicks and typing reach it.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("main[data-interactive='true']");
    }

    /// <summary>Registers a minimal case through the API with the page's sign-in cookie; returns its id.</summary>
    public static async Task<Guid> RegisterCaseAsync(this IPage page, string businessName)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/cases", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() },
            DataObject = new
            {
                receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                channelCode = "C1",
                summary = "ブラウザテスト用の相談です。定期購入の解約について相談を受けた。",
                consultant = new { phone = "090-0000-1111" },
                business = new { name = businessName },
                productCode = "0201",
                salesFormCode = "S3",
            },
        });
        Assert.True(response.Ok, $"Registering a case through the API failed: {response.Status} {await response.TextAsync()}");
        using var json = JsonDocument.Parse(await response.BodyAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }
}
