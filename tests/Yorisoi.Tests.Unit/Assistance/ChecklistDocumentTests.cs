using Yorisoi.Core.Assistance;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.CodeLists;

namespace Yorisoi.Tests.Unit.Assistance;

/// <summary>
/// The checklist document editors save: the validator refuses what the file parser refuses and what a form can get
/// wrong, each error under the path of the field with a Japanese message; a valid document becomes the same catalog.
/// </summary>
public sealed class ChecklistDocumentTests
{
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;

    private static readonly ChecklistCatalog Shipped = ChecklistCatalog.LoadEmbedded();

    private static ChecklistDocument Valid() => new()
    {
        Version = "2026.2",
        Checklists =
        [
            new ChecklistInput
            {
                Id = "houmon", Title = "訪問販売", SalesForms = ["S2"], Keywords = ["K0207"],
                Items = [new ChecklistItemInput { Id = "document-date", Text = "書面を受け取った日", Field = "documentReceivedDate" }, new ChecklistItemInput { Id = "who", Text = "その場に誰がいたか" }],
            },
        ],
    };

    private static IDictionary<string, string[]> Errors(ChecklistDocument document) => ChecklistValidator.Validate(document, Codes, "Document.").ToDictionary();

    [Fact]
    public void TheShippedChecklistsPassTheEditorsValidation()
    {
        var document = ChecklistDocument.From(Shipped);

        Assert.Empty(ChecklistValidator.Validate(document, Codes).ToDictionary());
    }

    [Fact]
    public void ADocumentMakesTheSameCatalogAfterAJsonRoundTrip()
    {
        var again = ChecklistDocument.FromJson(ChecklistDocument.From(Shipped).ToJson()).ToCatalog();

        Assert.Equal(Shipped.Version, again.Version);
        var fields = new AssistCaseFields { SalesForm = "S2", Product = "1303", Keywords = ["K0208"], AgeBand = "A8", Harm = "H1", ContractDate = new DateOnly(2026, 11, 1) };
        Assert.Equal(
            Shipped.For(fields).Select(c => (c.Id, c.Reason, string.Join("|", c.Items.Select(i => $"{i.Id}:{i.Field}:{i.Done}")))),
            again.For(fields).Select(c => (c.Id, c.Reason, string.Join("|", c.Items.Select(i => $"{i.Id}:{i.Field}:{i.Done}")))));
        Assert.Equal(Shipped.All.Count, again.All.Count);
    }

    [Fact]
    public void AValidDocumentHasNoErrorsAndIsTrimmed()
    {
        var document = Valid();
        document.Checklists![0]!.Title = "  訪問販売  ";
        document.Checklists[0]!.Items![1]!.Field = " ";

        Assert.Empty(Errors(document));
        Assert.Equal("訪問販売", document.Checklists[0]!.Title);
        Assert.Null(document.Checklists[0]!.Items![1]!.Field);
    }

    [Fact]
    public void AnUnknownFieldIsRefusedAtTheItem()
    {
        var document = Valid();
        document.Checklists![0]!.Items![1]!.Field = "shoeSize";

        var errors = Errors(document);

        Assert.Equal(["「shoeSize」は相談の欄として登録されていません。一覧から選んでください。"], errors["Document.Checklists[0].Items[1].Field"]);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("SalesForms", "S99", "販売購入形態")]
    [InlineData("Products", "9999", "商品・役務分類")]
    [InlineData("Keywords", "K9999", "内容キーワード")]
    [InlineData("AgeBands", "A99", "年代")]
    [InlineData("Harms", "H99", "危害・危険")]
    public void AnUnknownCodeIsRefusedInItsConditionList(string property, string code, string listName)
    {
        var document = Valid();
        var checklist = document.Checklists![0]!;
        var list = property switch
        {
            "SalesForms" => checklist.SalesForms ??= [],
            "Products" => checklist.Products ??= [],
            "Keywords" => checklist.Keywords ??= [],
            "AgeBands" => checklist.AgeBands ??= [],
            _ => checklist.Harms ??= [],
        };
        list.Add(code);

        var errors = Errors(document);

        Assert.Equal([$"「{code}」は{listName}のコード表にありません。一覧から選んでください。"], errors[$"Document.Checklists[0].{property}"]);
    }

    [Fact]
    public void AGroupCodeIsAValidProductCondition()
    {
        var document = Valid();
        document.Checklists![0]!.Products = ["13"];

        Assert.Empty(Errors(document));
    }

    [Fact]
    public void AnEmptyTitleAndAnEmptyItemTextAreRefused()
    {
        var document = Valid();
        document.Checklists![0]!.Title = " ";
        document.Checklists[0]!.Items![0]!.Text = "";

        var errors = Errors(document);

        Assert.Equal(["チェックリストの見出しを入力してください。"], errors["Document.Checklists[0].Title"]);
        Assert.Equal(["質問の文を入力してください。"], errors["Document.Checklists[0].Items[0].Text"]);
    }

    [Fact]
    public void DuplicateChecklistAndItemIdsAreRefused()
    {
        var document = Valid();
        document.Checklists![0]!.Items![1]!.Id = "document-date";
        document.Checklists.Add(new ChecklistInput { Id = "houmon", Title = "二つ目", Always = true, Items = [new ChecklistItemInput { Id = "a", Text = "A" }] });

        var errors = Errors(document);

        Assert.Equal(["項目ID「document-date」はこのチェックリストの中で二回使われています。"], errors["Document.Checklists[0].Items[1].Id"]);
        Assert.Equal(["ID「houmon」はほかのチェックリストでも使われています。別のIDにしてください。"], errors["Document.Checklists[1].Id"]);
    }

    [Fact]
    public void TheSameItemIdMayBeUsedInTwoChecklists()
    {
        var document = Valid();
        document.Checklists!.Add(new ChecklistInput { Id = "other", Title = "別", Always = true, Items = [new ChecklistItemInput { Id = "document-date", Text = "A" }] });

        Assert.Empty(Errors(document));
    }

    [Fact]
    public void AChecklistWithoutItemsOrWithoutAnyConditionIsRefused()
    {
        var document = Valid();
        document.Checklists!.Add(new ChecklistInput { Id = "never", Title = "条件なし", Items = [new ChecklistItemInput { Id = "a", Text = "A" }] });
        document.Checklists.Add(new ChecklistInput { Id = "empty", Title = "項目なし", Always = true, Items = [] });

        var errors = Errors(document);

        Assert.Contains("どの相談にも表示されません", errors["Document.Checklists[1].Always"][0], StringComparison.Ordinal);
        Assert.Equal(["質問項目が一つもありません。少なくとも一つ入力してください。"], errors["Document.Checklists[2].Items"]);
    }

    [Theory]
    [InlineData(null, "版の名前を入力してください（例: 2026.2）。")]
    [InlineData("2026 秋", "版の名前は半角英数字と「.」「-」「_」で32文字以内にしてください（例: 2026.2）。")]
    [InlineData("123456789012345678901234567890123", "版の名前は半角英数字と「.」「-」「_」で32文字以内にしてください（例: 2026.2）。")]
    public void AMissingOrMalformedLabelIsRefused(string? label, string message)
    {
        var document = Valid();
        document.Version = label;

        Assert.Equal([message], Errors(document)["Document.Version"]);
    }

    [Fact]
    public void NullsAnywhereInTheDocumentAreErrorsNotCrashes()
    {
        var document = new ChecklistDocument
        {
            Version = "x",
            Checklists = [null, new ChecklistInput { Id = "a", Title = "A", Always = true, Keywords = [null!], Items = [null] }],
        };

        var errors = Errors(document);

        Assert.True(errors.ContainsKey("Document.Checklists[0].Id"));
        Assert.True(errors.ContainsKey("Document.Checklists[1].Keywords"));
        Assert.True(errors.ContainsKey("Document.Checklists[1].Items[0].Text"));
        Assert.Equal(["チェックリストが一つもありません。少なくとも一つ作ってください。"], Errors(new ChecklistDocument { Version = "x" })["Document.Checklists"]);
    }

    [Fact]
    public void TheDifferenceListsAddedRemovedAndChangedChecklists()
    {
        var before = ChecklistDocument.From(Shipped);
        var after = before.Clone();
        after.Version = "2026.2";
        var houmon = after.Checklists!.Single(c => c!.Id == "houmon-hanbai")!;
        var items = houmon.Items!;
        items[0]!.Text = "法定書面を受け取った日（日付を確認）";
        items.RemoveAt(items.Count - 1);
        houmon.SalesForms!.Add("S7");
        after.Checklists!.RemoveAll(c => c!.Id == "chintai");
        after.Checklists.Add(new ChecklistInput { Id = "new-one", Title = "新しいリスト", Always = true, Items = [new ChecklistItemInput { Id = "a", Text = "A" }] });

        var changes = ChecklistDiff.Compare(before.ToCatalog(), after.ToCatalog());

        Assert.Equal(Shipped.Version, changes.FromVersion);
        Assert.Equal("2026.2", changes.ToVersion);
        Assert.Equal(
            [("houmon-hanbai", ChecklistChangeKind.Changed), ("new-one", ChecklistChangeKind.Added), ("chintai", ChecklistChangeKind.Removed)],
            changes.Checklists.Select(c => (c.Id, c.Kind)));
        var details = changes.Checklists[0].Details;
        Assert.Contains(details, d => d.StartsWith("項目の文: 契約書面（法定書面）を受け取った日 → 法定書面を受け取った日", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("項目を削除: ", StringComparison.Ordinal));
        Assert.Contains("条件（販売購入形態）: 追加 S7 / 削除 —", details);
        Assert.False(changes.OrderChanged);
    }

    [Fact]
    public void MovingAnItemOrAChecklistIsAChange()
    {
        var before = ChecklistDocument.From(Shipped);
        var after = before.Clone();
        var basic = after.Checklists![0]!;
        (basic.Items![0], basic.Items[1]) = (basic.Items[1], basic.Items[0]);
        (after.Checklists[1], after.Checklists[2]) = (after.Checklists[2], after.Checklists[1]);

        var changes = ChecklistDiff.Compare(before.ToCatalog(), after.ToCatalog());

        Assert.True(changes.OrderChanged);
        Assert.Equal(["項目の順序を変えました"], changes.Checklists.Single().Details);
    }

    [Fact]
    public void TheSameCatalogHasNoDifference()
    {
        var changes = ChecklistDiff.Compare(Shipped, ChecklistDocument.From(Shipped).ToCatalog());

        Assert.Empty(changes.Checklists);
        Assert.False(changes.OrderChanged);
    }
}
