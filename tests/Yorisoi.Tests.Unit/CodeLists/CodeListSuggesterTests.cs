using Yorisoi.Core.CodeLists;
using Yorisoi.Tests.Unit.Text;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.CodeLists;

public sealed class CodeListSuggesterTests
{
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;
    private static readonly CodeListSuggester Suggester = new(MeCabFixture.Analyzer, SynonymList.Default);

    private static List<string> Suggest(string list, string query, int limit = 20) =>
        Suggester.Suggest(Codes, list, query, limit).Select(i => i.Code).ToList();

    [Theory]
    [InlineData("ていき")]
    [InlineData("テイキ")]
    [InlineData("ﾃｲｷ")]
    public void TypingTeikiOffersTeikiKounyuuFirstAmongTheKeywords(string query)
    {
        Assert.Equal("K0208", Suggest(CodeListNames.Keyword, query)[0]); // 定期購入
    }

    [Fact]
    public void TypingTeikiOffersTheProductsBoughtThatWay()
    {
        var products = Suggest(CodeListNames.Product, "ていき");

        Assert.Contains("0201", products); // 健康食品 (synonym 定期購入)
        Assert.Contains("0601", products); // 化粧品
    }

    [Fact]
    public void TypingSapuriOffersHealthFoodThroughTheSynonymList()
    {
        Assert.Contains("0201", Suggest(CodeListNames.Product, "さぷり").Take(2)); // beside 医薬品 (サプリ（医薬品）)
        Assert.Contains("0201", Suggest(CodeListNames.Product, "えいようほじょ")); // 栄養補助食品 comes only from synonyms.txt
    }

    [Fact]
    public void TypingKeitaiOffersTheMobilePhoneEntries()
    {
        var products = Suggest(CodeListNames.Product, "けいたい");

        Assert.Contains("0702", products); // 携帯電話・スマートフォン
        Assert.Contains("1802", products); // 携帯電話サービス
    }

    [Fact]
    public void ALeafIsStillFoundByItsGroupsNameAfterTheGroupItself()
    {
        var found = Suggest(CodeListNames.Product, "食料品", limit: 500);

        Assert.Equal("02", found[0]);
        Assert.All(Codes.Items(CodeListNames.Product).Where(i => i.ParentCode == "02"), child => Assert.Contains(child.Code, found));
    }

    [Fact]
    public void TheFilterAndTheLimitApplyAndAnEmptyInputListsInOrder()
    {
        var leaves = Suggester.Suggest(Codes, CodeListNames.Product, "食料品", 500, i => i.IsLeaf);
        Assert.All(leaves, i => Assert.True(i.IsLeaf));
        Assert.NotEmpty(leaves);

        Assert.Equal(3, Suggest(CodeListNames.Product, "さーびす", limit: 3).Count);
        Assert.Equal(Codes.Items(CodeListNames.SalesForm).Take(4), Suggester.Suggest(Codes, CodeListNames.SalesForm, " ", 4));
    }

    [Fact]
    public void ACodeComesFirstAndASalesFormIsFoundByItsReading()
    {
        Assert.Equal("S3", Suggest(CodeListNames.SalesForm, "s3")[0]);
        Assert.Equal("S3", Suggest(CodeListNames.SalesForm, "つうしん")[0]); // 通信販売
    }

    [Fact]
    public void OneSuggesterIsBuiltPerListAndReused()
    {
        var counting = new CountingAnalyzer(MeCabFixture.Analyzer);
        var suggester = new CodeListSuggester(counting, SynonymList.Default);

        suggester.Suggest(Codes, CodeListNames.Keyword, "て", 10);
        var afterFirst = counting.Calls;
        suggester.Suggest(Codes, CodeListNames.Keyword, "てい", 10);
        suggester.Suggest(Codes, CodeListNames.Keyword, "ていき", 10);

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, counting.Calls);
    }

    private sealed class CountingAnalyzer(IMorphologicalAnalyzer inner) : IMorphologicalAnalyzer
    {
        public int Calls { get; private set; }

        public IReadOnlyList<MorphToken> Analyze(string? text)
        {
            Calls++;
            return inner.Analyze(text);
        }

        public IReadOnlyList<MorphToken> PartsOf(MorphToken token) => inner.PartsOf(token);
    }
}
