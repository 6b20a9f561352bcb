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

    /// <summary>The demo administrators' authenticator secret.</summary>
    public const string DemoAuthenticatorKey = "JBSWY3DPEHPK3PXP";

    public static async Task<IPage> SignInAsync(this YorisoiHost host, string email)
    {
        var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(YorisoiHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        if (email == CenterAdmin)
        {
            await page.GetByLabel("認証コード").FillAsync(await host.Codes.NextAsync(email, DemoAuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "確認", Exact = true }).ClickAsync();
        }

        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

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
