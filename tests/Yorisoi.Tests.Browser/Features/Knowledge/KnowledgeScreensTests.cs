using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Knowledge;

[Collection(BrowserTestGroup.Name)]
public sealed class KnowledgeScreensTests(YorisoiHost host)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private const string NationalEditor = "faq-editor@demo.yorisoi.jp";
    private const string NationalApprover = "faq-approver@demo.yorisoi.jp";

    [Fact]
    public async Task EditorDraftsAndSubmitsApproverApprovesAndPublishesAndThePublicApiShowsIt()
    {
        var id = "browser-" + Guid.NewGuid().ToString("N")[..8];
        const string question = "ブラウザで作ったFAQの質問です。解約できますか？";

        var editor = await host.SignInAsync(NationalEditor);
        await editor.OpenAsync("/knowledge/new");
        await editor.GetByLabel("ID", new() { Exact = true }).FillAsync(id);
        await editor.GetByLabel("対象", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "一般向け" });
        await editor.GetByLabel("分類", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await editor.GetByLabel("質問", new() { Exact = true }).FillAsync(question);
        await editor.GetByLabel("回答", new() { Exact = true }).FillAsync("## まず確認すること\n- 契約書面を受け取った日\n\n消費者ホットライン**188**へ。");
        await Assertions.Expect(editor.Locator("#kb-preview h2")).ToHaveTextAsync("まず確認すること");
        await Assertions.Expect(editor.Locator("#kb-preview strong")).ToHaveTextAsync("188");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存（作成中として）" }).ClickAsync();

        await editor.WaitForURLAsync(url => url.EndsWith("/knowledge/" + id, StringComparison.Ordinal), UrlWait.Committed());
        await editor.WaitForSelectorAsync("main[data-interactive='true']");
        await Assertions.Expect(editor.Locator("#kb-latest-state")).ToHaveTextAsync("第1版（作成中）");
        await editor.GetByRole(AriaRole.Button, new() { Name = "確認を依頼" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#kb-latest-state")).ToHaveTextAsync("第1版（確認待ち）");
        await Assertions.Expect(editor.GetByRole(AriaRole.Button, new() { Name = "承認" })).ToHaveCountAsync(0);

        var approver = await host.SignInAsync(NationalApprover);
        await approver.OpenAsync("/knowledge/" + id);
        await Assertions.Expect(approver.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(question);
        await approver.GetByRole(AriaRole.Button, new() { Name = "承認", Exact = true }).ClickAsync();
        await Assertions.Expect(approver.Locator("#kb-latest-state")).ToHaveTextAsync("第1版（承認済み）");
        await approver.GetByRole(AriaRole.Button, new() { Name = "公開", Exact = true }).ClickAsync();
        await Assertions.Expect(approver.Locator("#kb-latest-state")).ToHaveTextAsync("第1版（公開中）");
        await Assertions.Expect(approver.Locator("#kb-published")).ToHaveTextAsync("第1版");

        var anonymous = await host.NewContextAsync();
        var response = await anonymous.APIRequest.GetAsync($"/api/faq/{id}");
        Assert.True(response.Ok, $"{response.Status} {await response.TextAsync()}");
        using var json = JsonDocument.Parse(await response.BodyAsync());
        Assert.Equal(question, json.RootElement.GetProperty("question").GetString());
        Assert.Contains("<strong>188</strong>", json.RootElement.GetProperty("answerHtml").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/knowledge", "table.data-table")]
    [InlineData("/knowledge/new", "#kb-question")]
    [InlineData("/knowledge/reports", "#kb-stats-title")]
    [InlineData("/knowledge/biyou-iryou-keiyaku", "#kb-latest-state")]
    public async Task KnowledgePagesHaveNoSeriousOrCriticalAxeViolations(string path, string ready)
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync(path);
        await page.WaitForSelectorAsync(ready);
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => $"[{v.Impact}] {v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join(Environment.NewLine, blocking));
        await page.Context.CloseAsync();
    }
}
