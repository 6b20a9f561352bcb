using Microsoft.Playwright;
using Yorisoi.Tests.Browser.Infrastructure;

namespace Yorisoi.Tests.Browser.Features.Cases;

/// <summary>Every kind of edit on the case form counts as unsaved input: leaving inside the app asks first, and so does closing the tab.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UnsavedChangesTests(YorisoiHost host)
{
    private const string ConfirmLeave = "入力内容が保存されていません。このページを離れると入力内容は失われます。移動しますか？";

    public static TheoryData<string, string> EditsAndWaysOut() => new()
    {
        { "summary", "キャンセル" },
        { "name", "相談一覧" },
        { "select", "キャンセル" },
        { "checkbox", "相談一覧" },
        { "date", "キャンセル" },
        { "product", "相談一覧" },
    };

    [Theory]
    [MemberData(nameof(EditsAndWaysOut))]
    public async Task AnyEditAsksBeforeLeavingTheNewCaseFormAndStayingKeepsIt(string edit, string wayOut)
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        await Assertions.Expect(page.Locator("form.case-form[data-guarded='true']")).ToHaveCountAsync(1);
        var check = await EditAsync(page, edit);

        var dialogs = new DialogAnswers(page);
        dialogs.Next(accept: false);
        await LinkOut(page, wayOut).ClickAsync();
        Assert.Equal(ConfirmLeave, await dialogs.AskedAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("相談を登録");
        await check();
        Assert.EndsWith("/cases/new", page.Url, StringComparison.Ordinal);
        // A second navigation begun while the server still handles the refused one races it (seen once under load: the
        // accepted navigation never happened). Wait until the server has kept the counselor on the form.
        await Assertions.Expect(page.Locator("form.case-form[data-stayed='1']")).ToHaveCountAsync(1);

        dialogs.Next(accept: true);
        await LinkOut(page, wayOut).ClickAsync();
        Assert.Equal(ConfirmLeave, await dialogs.AskedAsync());
        await page.WaitForURLAsync(url => url.EndsWith("/cases", StringComparison.Ordinal), UrlWait.Committed());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUntouchedFormLeavesWithoutAsking()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        var dialogs = new DialogAnswers(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "キャンセル", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/cases", StringComparison.Ordinal), UrlWait.Committed());
        Assert.Equal(0, dialogs.Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClosingTheTabWhileStillTypingTheNarrativeAsksFirst()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        await page.OpenAsync("/cases/new");
        // The guard's script loads after the form renders; on a busy machine typing can begin before it.
        await Assertions.Expect(page.Locator("form.case-form[data-guarded='true']")).ToHaveCountAsync(1);
        // Still in the field: no change event has fired, the text exists only in the browser.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" }).PressSequentiallyAsync("電話で聞き取り中");

        var dialogs = new DialogAnswers(page);
        dialogs.Next(accept: false);
        await page.CloseAsync(new() { RunBeforeUnload = true });

        Assert.Equal(DialogType.BeforeUnload, await dialogs.AskedTypeAsync());
        Assert.False(page.IsClosed);
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" })).ToHaveValueAsync("電話で聞き取り中");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EditingAnExistingCaseAsksBeforeGoingBackToIt()
    {
        var page = await host.SignInAsync(StaffBrowser.Counselor);
        var id = await page.RegisterCaseAsync($"未保存確認商店{Guid.NewGuid().ToString("N")[..6]}");
        await page.OpenAsync($"/cases/{id}/edit");
        await Assertions.Expect(page.Locator("form.case-form[data-guarded='true']")).ToHaveCountAsync(1);
        await page.GetByLabel("請求金額", new() { Exact = true }).FillAsync("5000");
        await page.GetByLabel("請求金額", new() { Exact = true }).BlurAsync();

        var dialogs = new DialogAnswers(page);
        dialogs.Next(accept: false);
        await page.GetByRole(AriaRole.Link, new() { Name = "キャンセル", Exact = true }).ClickAsync();
        Assert.Equal(ConfirmLeave, await dialogs.AskedAsync());
        await Assertions.Expect(page.GetByLabel("請求金額", new() { Exact = true })).ToHaveValueAsync("5,000");
        Assert.EndsWith($"/cases/{id}/edit", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static ILocator LinkOut(IPage page, string name) => name == "相談一覧"
        ? page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true })
        : page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Makes one edit the way a counselor does; returns the check that the edit is still there.</summary>
    private static async Task<Func<Task>> EditAsync(IPage page, string edit)
    {
        switch (edit)
        {
            case "summary":
                var summary = page.GetByRole(AriaRole.Textbox, new() { Name = "相談概要" });
                await summary.FillAsync("解約したいが連絡がつかない。");
                return () => Assertions.Expect(summary).ToHaveValueAsync("解約したいが連絡がつかない。");
            case "name":
                var name = page.GetByLabel("相談者の氏名", new() { Exact = true });
                await name.FillAsync("消費 太郎");
                return () => Assertions.Expect(name).ToHaveValueAsync("消費 太郎");
            case "select":
                var request = page.GetByLabel("相談者の要望", new() { Exact = true });
                await request.SelectOptionAsync(new SelectOptionValue { Index = 1 });
                return async () => Assert.NotEqual("", await request.InputValueAsync());
            case "checkbox":
                var self = page.GetByLabel("契約当事者は相談者本人", new() { Exact = true });
                await self.UncheckAsync();
                return () => Assertions.Expect(self).Not.ToBeCheckedAsync();
            case "date":
                var date = page.GetByLabel("契約日", new() { Exact = true });
                await date.FillAsync("2026-10-01");
                return () => Assertions.Expect(date).ToHaveValueAsync("2026-10-01");
            case "product":
                var product = page.GetByRole(AriaRole.Combobox, new() { Name = "商品・役務分類" });
                await product.FillAsync("健康食品");
                await page.GetByRole(AriaRole.Option, new() { Name = "健康食品" }).ClickAsync();
                return () => Assertions.Expect(product).ToHaveValueAsync("健康食品");
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit);
        }
    }

    /// <summary>Answers the page's next dialog as told and reports what it asked; waits for the dialog the page opens.</summary>
    private sealed class DialogAnswers
    {
        private TaskCompletionSource<IDialog> _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _accept;

        public DialogAnswers(IPage page) => page.Dialog += async (_, dialog) =>
        {
            Count++;
            if (_accept)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }

            _asked.TrySetResult(dialog);
        };

        // Generous: the dialog follows a server round trip, which a busy machine can slow a lot.
        private static readonly TimeSpan DialogTimeout = TimeSpan.FromSeconds(90);

        public int Count { get; private set; }

        public void Next(bool accept)
        {
            _accept = accept;
            _asked = new TaskCompletionSource<IDialog>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async Task<string> AskedAsync() => (await _asked.Task.WaitAsync(DialogTimeout)).Message;

        public async Task<string> AskedTypeAsync() => (await _asked.Task.WaitAsync(DialogTimeout)).Type;
    }
}
