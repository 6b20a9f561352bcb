using System.Text;
using Yorisoi.Core.CodeLists;
using Yorisoi.Text;

namespace Yorisoi.Tests.Unit.CodeLists;

public sealed class CodeListCatalogTests
{
    private static readonly CodeListCatalog Catalog = CodeListCatalog.LoadEmbedded();
    private static readonly CodeListVersion Codes = Catalog.Current;

    [Fact]
    public void TheEmbeddedFileLoadsAsThe2021Revision()
    {
        Assert.Equal("2021.1", Codes.Version);
        Assert.Same(Codes, Catalog.Get(null));
        Assert.Same(Codes, Catalog.Get("1999.9"));
        Assert.Same(Codes, Catalog.Get("2021.1"));
    }

    [Fact]
    public void EveryListTheCaseRecordUsesIsPresentAndNotEmpty()
    {
        var names = typeof(CodeListNames).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(14, names.Count);
        foreach (var name in names)
        {
            Assert.True(Codes.HasList(name), name);
            Assert.NotEmpty(Codes.Items(name));
        }
    }

    [Fact]
    public void ProductTreeHasThe25TopLevelsOfThe2021RevisionInOrder()
    {
        string[] expected =
        [
            "商品一般", "食料品", "住居品", "光熱水品", "被服品", "保健衛生品", "教養娯楽品", "車両・乗物", "土地・建物・設備", "他の商品",
            "クリーニング", "レンタル・リース・賃借", "工事・建築・加工", "修理・補修", "管理・保管", "役務一般", "金融・保険サービス",
            "運輸・通信サービス", "教育サービス", "教養・娯楽サービス", "保健・福祉サービス", "他の役務", "内職・副業・ねずみ講",
            "他の行政サービス", "他の相談",
        ];

        var topLevels = Codes.Items(CodeListNames.Product).Where(i => i.Depth == 1).ToList();

        Assert.Equal(expected, topLevels.Select(i => i.Name));
        Assert.All(topLevels, i => Assert.False(i.IsLeaf));
        Assert.All(topLevels, i => Assert.Null(i.ParentCode));
    }

    [Fact]
    public void ProductTreeHasRealisticSecondLevelsUnderTheirParents()
    {
        var products = Codes.Items(CodeListNames.Product);
        var leaves = products.Where(i => i.Depth == 2).ToList();

        Assert.All(leaves, i => Assert.True(i.IsLeaf));
        Assert.All(leaves, i => Assert.StartsWith(i.ParentCode!, i.Code, StringComparison.Ordinal));
        Assert.All(leaves, i => Assert.Equal($"{Codes.NameOf(CodeListNames.Product, i.ParentCode)} > {i.Name}", i.Path));
        Assert.All(products.Where(i => i.Depth == 1), top => Assert.Contains(leaves, l => l.ParentCode == top.Code));
        foreach (var name in new[] { "健康食品", "化粧品", "放送・コンテンツ等", "インターネット通信サービス", "融資サービス", "賃貸アパート", "新築工事" })
        {
            Assert.Contains(leaves, l => l.Name == name);
        }
    }

    [Fact]
    public void SalesFormsAreTheNineOfPioNet()
    {
        Assert.Equal(
            ["店舗購入", "訪問販売", "通信販売", "マルチ取引", "電話勧誘販売", "ネガティブ・オプション", "訪問購入", "その他無店舗", "不明・無関係"],
            Codes.Items(CodeListNames.SalesForm).Select(i => i.Name));
    }

    [Fact]
    public void FindAndValidityDistinguishBranchesFromLeaves()
    {
        Assert.Equal("健康食品", Codes.NameOf(CodeListNames.Product, "0201"));
        Assert.True(Codes.IsValid(CodeListNames.Product, "02"));
        Assert.False(Codes.IsValid(CodeListNames.Product, "02", leafOnly: true));
        Assert.True(Codes.IsValid(CodeListNames.Product, "0201", leafOnly: true));
        Assert.False(Codes.IsValid(CodeListNames.Product, "9999"));
        Assert.False(Codes.IsValid(CodeListNames.Product, null));
        Assert.Null(Codes.Find(CodeListNames.SalesForm, "0201"));
        Assert.False(Codes.HasList("nonexistent"));
        Assert.Throws<KeyNotFoundException>(() => Codes.Items("nonexistent"));
    }

    [Fact]
    public void SearchingTeikiOffersEveryCodeWhoseNameOrSynonymContainsIt()
    {
        foreach (var list in new[] { CodeListNames.Product, CodeListNames.Keyword })
        {
            var expected = Codes.Items(list)
                .Where(i => i.Name.Contains("定期", StringComparison.Ordinal) || i.Path.Contains("定期", StringComparison.Ordinal) || i.Synonyms.Any(s => s.Contains("定期", StringComparison.Ordinal)))
                .Select(i => i.Code)
                .ToHashSet();

            var found = Codes.Search(list, "定期", limit: 500).Select(i => i.Code).ToHashSet();

            Assert.NotEmpty(expected);
            Assert.Equal(expected, found);
        }

        Assert.Contains("0201", Codes.Search(CodeListNames.Product, "定期").Select(i => i.Code)); // 健康食品 (synonym 定期購入)
        Assert.Contains("0601", Codes.Search(CodeListNames.Product, "定期").Select(i => i.Code)); // 化粧品
    }

    [Fact]
    public void ACodeWhoseNameStartsWithTheQueryComesFirst()
    {
        var results = Codes.Search(CodeListNames.Keyword, "定期");

        Assert.Equal("K0208", results[0].Code); // 定期購入
    }

    [Fact]
    public void AnExactCodeComesBeforeNameMatches()
    {
        Assert.Equal("0201", Codes.Search(CodeListNames.Product, "0201")[0].Code);
        Assert.Equal("S3", Codes.Search(CodeListNames.SalesForm, "s3")[0].Code);
    }

    [Fact]
    public void AtEqualRankLeavesComeBeforeBranchesThenCodeOrder()
    {
        // 商品一般 is both a top level (01, a branch) and its only general leaf (0101).
        var results = Codes.Search(CodeListNames.Product, "商品一般");

        Assert.Equal(["0101", "01"], results.Take(2).Select(i => i.Code));

        var synonymOnly = Codes.Search(CodeListNames.Product, "定期");
        var codes = synonymOnly.Select(i => i.Code).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void SearchIsWidthAndKanaInsensitive()
    {
        var katakana = Codes.Search(CodeListNames.Product, "サプリ").Select(i => i.Code).ToList();

        Assert.Contains("0201", katakana);
        Assert.Equal(katakana, Codes.Search(CodeListNames.Product, "ｻﾌﾟﾘ").Select(i => i.Code));
        Assert.Equal(katakana, Codes.Search(CodeListNames.Product, "さぷり").Select(i => i.Code));

        var sms = Codes.Search(CodeListNames.Product, "SMS").Select(i => i.Code).ToList();
        Assert.Contains("0101", sms);
        Assert.Equal(sms, Codes.Search(CodeListNames.Product, "ＳＭＳ").Select(i => i.Code));
        Assert.Equal(sms, Codes.Search(CodeListNames.Product, "sms").Select(i => i.Code));
    }

    [Fact]
    public void KanaSpellingsOfTeikiMatchEachOtherButNotTheKanjiWithoutAReading()
    {
        // Folding unifies width and kana but does not read kanji: ﾃｲｷ, テイキ and ていき are one query,
        // and no code list entry carries the reading ていき, so none of them finds 定期.
        var halfWidth = Codes.Search(CodeListNames.Product, "ﾃｲｷ");
        var hiragana = Codes.Search(CodeListNames.Product, "ていき");
        var katakana = Codes.Search(CodeListNames.Product, "テイキ");

        Assert.Equal(hiragana, halfWidth);
        Assert.Equal(hiragana, katakana);
        Assert.DoesNotContain(hiragana, i => i.Code == "0201");
        Assert.Empty(hiragana);
    }

    [Fact]
    public void AnEmptyQueryListsTheFirstCodesInOrder()
    {
        Assert.Equal(Codes.Items(CodeListNames.Product).Take(5), Codes.Search(CodeListNames.Product, "  ", limit: 5));
        Assert.Equal(Codes.Items(CodeListNames.Channel).Take(3), Codes.Search(CodeListNames.Channel, null, limit: 3));
    }

    [Fact]
    public void SearchHonoursTheLimit()
    {
        Assert.Equal(3, Codes.Search(CodeListNames.Product, "サービス", limit: 3).Count);
        Assert.True(Codes.Search(CodeListNames.Product, "サービス", limit: 500).Count > 3);
    }

    [Fact]
    public void SearchMatchesTheParentPathSoALeafIsFoundByItsTopLevel()
    {
        var found = Codes.Search(CodeListNames.Product, "食料品", limit: 500).Select(i => i.Code).ToList();

        Assert.Equal("02", found[0]);
        Assert.Contains("0201", found);
        Assert.All(Codes.Items(CodeListNames.Product).Where(i => i.ParentCode == "02"), child => Assert.Contains(child.Code, found));
    }

    [Fact]
    public void AFileWithADuplicateCodeIsRejected()
    {
        const string json = """{"version":"x","lists":{"channel":[{"code":"C1","name":"電話"},{"code":"C1","name":"来所"}]}}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => CodeListVersion.Parse(stream));
    }

    [Fact]
    public void TheNewestVersionIsCurrentAndOldVersionsStayAvailable()
    {
        using var older = new MemoryStream(Encoding.UTF8.GetBytes("""{"version":"2016.1","lists":{"channel":[{"code":"C1","name":"電話（旧）"}]}}"""));
        using var newer = new MemoryStream(Encoding.UTF8.GetBytes("""{"version":"2021.1","lists":{"channel":[{"code":"C1","name":"電話"}]}}"""));
        var catalog = new CodeListCatalog([CodeListVersion.Parse(newer), CodeListVersion.Parse(older)]);

        Assert.Equal("2021.1", catalog.Current.Version);
        Assert.Equal("電話（旧）", catalog.Get("2016.1").NameOf(CodeListNames.Channel, "C1"));
        Assert.Equal(2, catalog.Versions.Count());
    }

    [Fact]
    public void SynonymsAreFoldedLikeQueries()
    {
        var item = Codes.Find(CodeListNames.Product, "0201")!;
        Assert.Contains("定期購入", item.Synonyms);
        Assert.True(JapaneseNormalizer.ContainsFolded(string.Join(' ', item.Synonyms), JapaneseNormalizer.Fold("ｻﾌﾟﾘﾒﾝﾄ")));
    }
}
