using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Assistance;

/// <summary>
/// The checklist editor: the national editor drafts a new version in the form (a bad save shows its errors at the field),
/// the national approver publishes it with a note, and the case form shows the changed question and the new version.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ChecklistEditorTests(YorisoiHost host, ITestOutputHelper output)
{
    private const string NationalEditor = "faq-editor@demo.yorisoi.jp";
    private const string NationalApprover = "faq-approver@demo.yorisoi.jp";

    [Fact]
    public async Task AnEditorChangesAQuestionAnApproverPublishesItAndTheCaseFormShowsIt()
    {
        var question = $"契約のとき、その場に誰がいたか（家族、担当者の人数と名前）{Guid.NewGuid().ToString("N")[..4]}";

        var editor = await host.SignInAsync(NationalEditor);
        await editor.OpenAsync("/knowledge");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Q出しチェックリスト" }).ClickAsync();
        await editor.WaitForURLAsync(url => StaffBrowser.PathOf(url) == "/assist/checklists", UrlWait.Committed());
        await Assertions.Expect(editor.GetByTestId("current-version")).ToContainTextAsync("相談画面で使われている版");
        await editor.GetByRole(AriaRole.Button, new() { Name = "使用中の版から下書きを作る" }).ClickAsync();
        await editor.WaitForURLAsync(VersionPage(), UrlWait.Committed());
        var draftUrl = editor.Url;

        var form = editor.GetByTestId("checklist-form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        var label = await form.GetByLabel("版の名前").InputValueAsync();
        Assert.Matches(@"^\d{4}\.\d+$", label);
        var doorToDoor = form.Locator("fieldset[data-checklist-id='houmon-hanbai']");

        // A bad save first: the title emptied is refused, with the message at the field and in the summary.
        var title = doorToDoor.GetByLabel("見出し");
        await title.FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "下書きを保存" }).ClickAsync();
        var errors = editor.GetByTestId("errors");
        await Assertions.Expect(errors).ToContainTextAsync("チェックリストの見出しを入力してください。");
        await Assertions.Expect(errors).ToContainTextAsync("チェックリスト2");
        await Assertions.Expect(title).ToHaveAttributeAsync("aria-invalid", "true");

        await title.FillAsync("訪問販売");
        var item = doorToDoor.Locator("li[data-item-index='3']");
        await item.GetByLabel("質問4").FillAsync(question);
        await item.GetByLabel("自動でチェックする欄").SelectOptionAsync("businessName");
        await form.GetByRole(AriaRole.Button, new() { Name = "下書きを保存" }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId("saved")).ToHaveTextAsync("下書きを保存しました。");
        await Assertions.Expect(editor.GetByTestId("errors")).ToHaveCountAsync(0);
        var changes = editor.GetByTestId("changes").Locator("li[data-change='houmon-hanbai']");
        await Assertions.Expect(changes).ToContainTextAsync($"項目の文: 契約のとき、その場に誰がいたか（家族、担当者の人数） → {question}");

        // The preview reads the form: a door-to-door case gets the door-to-door checklist.
        var preview = editor.GetByTestId("preview");
        await Assertions.Expect(preview.Locator("li[data-preview='houmon-hanbai']")).ToHaveCountAsync(0);
        await preview.GetByLabel("販売購入形態").SelectOptionAsync("S2");
        await Assertions.Expect(preview.Locator("li[data-preview='houmon-hanbai']")).ToContainTextAsync("訪問販売");
        await Assertions.Expect(editor.GetByTestId("publish-form")).ToHaveCountAsync(0);

        await AxeAssert.NoBlockingViolationsAsync(editor, output);
        await editor.Context.CloseAsync();

        var approver = await host.SignInAsync(NationalApprover);
        await approver.OpenAsync(new Uri(draftUrl).AbsolutePath);
        await Assertions.Expect(approver.GetByTestId("checklist-view")).ToBeVisibleAsync();
        var publish = approver.GetByTestId("publish-form");
        await publish.GetByLabel("変更の説明（公開する理由）").FillAsync("訪問販売の同席者の質問に名前を加えた");
        await publish.GetByRole(AriaRole.Button, new() { Name = "この版を公開する" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("saved")).ToContainTextAsync("公開しました");
        await Assertions.Expect(approver.GetByTestId("version-state")).ToHaveTextAsync("公開済み");
        await Assertions.Expect(approver.GetByTestId("publish-form")).ToHaveCountAsync(0);

        await AxeAssert.NoBlockingViolationsAsync(approver, output);
        await approver.Context.CloseAsync();

        var counselor = await host.SignInAsync(StaffBrowser.Counselor);
        await counselor.OpenAsync("/cases/new");
        await counselor.GetByLabel("販売購入形態", new() { Exact = true }).SelectOptionAsync("S2");
        var checklist = counselor.GetByTestId("checklists").Locator("details[data-checklist='houmon-hanbai']");
        await Assertions.Expect(checklist.Locator("li[data-item='who-present']")).ToContainTextAsync(question);
        await Assertions.Expect(counselor.GetByTestId("checklist-version")).ToContainTextAsync(label);
        await counselor.Context.CloseAsync();
    }

    [GeneratedRegex(@"/assist/checklists/\d+$")]
    private static partial Regex VersionPage();
}
