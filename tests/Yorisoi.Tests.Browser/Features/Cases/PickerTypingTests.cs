using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

[Collection(BrowserTestGroup.Name)]
public sealed partial class PickerTypingTests(YorisoiHost host)
{
    /// <summary>How late the server's answers reach the page: a slow mobile link, or a server busy with other work.</summary>
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A quick typist. Keys keep coming after the answer to the first one has arrived (the typing lasts longer
    /// than <see cref="Latency"/>), which is when a picker that echoed its text back would overwrite them.
    /// </summary>
    private const float KeyInterval = 40;

    [Theory]
    [InlineData("商品・役務分類", "けんこうしょくひんのていきこうにゅう")]
    [InlineData("内容キーワード", "ていきこうにゅうのかいやく")]
    public async Task KeysTypedWhileTheServerIsSlowToAnswerAreAllKept(string picker, string typed)
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await DelayServerMessagesAsync(page.Context, Latency);
        await page.OpenAsync("/cases/new");

        var input = page.GetByRole(AriaRole.Combobox, new() { Name = picker });
        await input.PressSequentiallyAsync(typed, new() { Delay = KeyInterval });

        // The list opens once the answers have caught up; by then every answer has been applied to the page.
        await Assertions.Expect(page.Locator(".combobox.is-open")).ToBeVisibleAsync();
        await Assertions.Expect(input).ToHaveValueAsync(typed);
        await input.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".combobox.is-open")).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync(typed);
    }

    [Fact]
    public async Task AChoiceStillReplacesTheTypedTextOverASlowConnection()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await DelayServerMessagesAsync(page.Context, Latency);
        await page.OpenAsync("/cases/new");

        var keywords = page.GetByRole(AriaRole.Combobox, new() { Name = "内容キーワード" });
        await keywords.PressSequentiallyAsync("定期", new() { Delay = KeyInterval });
        var option = page.GetByRole(AriaRole.Option, new() { Name = "定期購入" });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await option.ClickAsync();

        // The keyword picker empties itself after each choice, although it rendered empty before the typing too.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "定期購入を外す" })).ToBeVisibleAsync();
        await Assertions.Expect(keywords).ToHaveValueAsync("");
    }

    [Fact]
    public async Task TypingTeikiInHiraganaOffersTheSubscriptionKeywordAndTheProductsBoughtThatWay()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");

        var product = page.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類" });
        await product.PressSequentiallyAsync("ていき");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "健康食品" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "化粧品" })).ToBeVisibleAsync();
        await product.PressAsync("Escape");

        var keywords = page.GetByRole(AriaRole.Combobox, new() { Name = "内容キーワード" });
        await keywords.PressSequentiallyAsync("ていき");
        var subscription = page.GetByRole(AriaRole.Option, new() { Name = "定期購入" });
        await Assertions.Expect(subscription).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".combobox.is-open [role=option]").First).ToContainTextAsync("定期購入");
        await subscription.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "定期購入を外す" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Passes the Blazor circuit's WebSocket through, holding every message from the server for
    /// <paramref name="latency"/> (in order); messages from the page go straight through.
    /// </summary>
    private static Task DelayServerMessagesAsync(IBrowserContext context, TimeSpan latency) =>
        context.RouteWebSocketAsync(BlazorSocket(), page =>
        {
            var server = page.ConnectToServer();
            var held = Channel.CreateUnbounded<(long Due, IWebSocketFrame Frame)>();
            server.OnMessage(frame => held.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(latency.TotalSeconds * Stopwatch.Frequency), frame)));
            _ = Task.Run(async () =>
            {
                await foreach (var (due, frame) in held.Reader.ReadAllAsync())
                {
                    var wait = TimeSpan.FromSeconds((double)(due - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    if (frame.Binary is { } binary)
                    {
                        page.Send(binary);
                    }
                    else
                    {
                        page.Send(frame.Text ?? string.Empty);
                    }
                }
            });
            server.OnClose((_, _) => held.Writer.TryComplete());
        });

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorSocket();
}
