using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using QRCoder;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Auth;

[Collection(BrowserTestGroup.Name)]
public sealed class TwoFactorSetupTests(YorisoiHost host)
{
    [Fact]
    public async Task SetupShowsAQrCodeOfTheOtpauthUriAndTheKeyInGroups()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.GotoAsync("/account/two-factor");

        var uri = (await page.Locator("#otpauth-uri").TextContentAsync())!.Trim();
        Assert.StartsWith($"otpauth://totp/Yorisoi:{StaffBrowser.Counselor}?secret=", uri, StringComparison.Ordinal);
        var secret = uri.Split("secret=")[1].Split('&')[0];

        var key = (await page.Locator("#authenticator-key").TextContentAsync())!.Trim();
        Assert.Equal(secret, key.Replace(" ", "", StringComparison.Ordinal));
        Assert.All(key.Split(' ')[..^1], group => Assert.Equal(4, group.Length));

        var qr = page.GetByRole(AriaRole.Img, new() { Name = $"認証アプリに {StaffBrowser.Counselor} のアカウントを登録するQRコード" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.Equal(ExpectedPng(uri), await qr.GetAttributeAsync("src"));
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" })).ToBeVisibleAsync();
        var blocking = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        await page.Context.CloseAsync();
    }

    /// <summary>What QRCoder itself draws for the URI, with the page's settings (error correction M, 5 px per module).</summary>
    private static string ExpectedPng(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }
}
