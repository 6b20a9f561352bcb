using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Core.CodeLists;

namespace Yorisoi.Tests.Unit.Assistance;

public sealed class ShippedCodeClassifierTests
{
    private static readonly CodeListVersion Codes = CodeListCatalog.LoadEmbedded().Current;

    private static readonly ShippedCodeClassifier Classifier = new(Codes, ClassificationCues.LoadEmbedded());

    [Fact]
    public void TheGoodsANarrativeNamesGiveTheProductCategory()
    {
        var suggestions = Classifier.Suggest("スーパーで買った唐揚げに金属片が入っていた。", []);

        Assert.Equal("0209", suggestions.Product[0].Code);
        Assert.Equal("弁当・惣菜", suggestions.Product[0].Name);
    }

    [Fact]
    public void HowTheBusinessCameGivesTheSalesForm()
    {
        Assert.Equal("S2", Classifier.Suggest("作業着の男性が突然家に来て、屋根の無料点検をすると言った。", []).SalesForm[0].Code);
        Assert.Equal("S5", Classifier.Suggest("健康食品の会社から電話がかかってきて、断ったのに送ると言われた。", []).SalesForm[0].Code);
        Assert.Equal("S3", Classifier.Suggest("インスタの広告から通販サイトで注文した。", []).SalesForm[0].Code);
    }

    [Fact]
    public void HalfWidthKatakanaIsReadLikeFullWidth()
    {
        Assert.Equal("0603", Classifier.Suggest("ﾏｯｻｰｼﾞﾁｪｱを買った", []).Product[0].Code);
    }

    [Fact]
    public void AWordCountsOnceForItsLongestMatch()
    {
        // 電話勧誘 is an S5 word; without the longest-match rule the 電話 inside it would count again elsewhere.
        var suggestions = Classifier.Suggest("電話勧誘", []);

        Assert.Single(suggestions.SalesForm);
        Assert.Equal("S5", suggestions.SalesForm[0].Code);
        Assert.Equal(1.0, suggestions.SalesForm[0].Confidence);
    }

    [Fact]
    public void ConfidencesOfAFieldAreSharesOfTheEvidence()
    {
        var product = Classifier.Suggest("訪問販売で布団と浄水器を契約した。", []).Product;

        Assert.True(product.Count >= 2);
        Assert.InRange(product.Sum(c => c.Confidence), 0.99, 1.01);
        Assert.All(product, c => Assert.InRange(c.Confidence, 0, 1));
        Assert.True(product.Zip(product.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void NoTextGivesNoSuggestions(string? text)
    {
        Assert.Same(CodeSuggestions.None, Classifier.Suggest(text, []));
    }

    [Fact]
    public void EnglishOrOneWordOrVeryLongTextsGiveSuggestionsOrNoneWithoutError()
    {
        Assert.Empty(Classifier.Suggest("My subscription cannot be cancelled", []).Product);
        Assert.NotNull(Classifier.Suggest("解約", []));
        var suggestions = Classifier.Suggest(string.Concat(Enumerable.Repeat("訪問販売で布団を買った。", 800)), []);
        Assert.Equal("S2", suggestions.SalesForm[0].Code);
        Assert.Equal("0301", suggestions.Product[0].Code);
    }

    [Fact]
    public void OnlyLeafCodesOfTheListAreOffered()
    {
        var suggestions = Classifier.Suggest("訪問販売で布団、電話勧誘で健康食品、ネット通販で化粧品を買い、あっせんで解決した。", []);

        Assert.All(suggestions.Product, c => Assert.True(Codes.IsValid(CodeListNames.Product, c.Code, leafOnly: true), c.Code));
        Assert.All(suggestions.SalesForm, c => Assert.True(Codes.IsValid(CodeListNames.SalesForm, c.Code, leafOnly: true), c.Code));
        Assert.All(suggestions.Result, c => Assert.True(Codes.IsValid(CodeListNames.Result, c.Code, leafOnly: true), c.Code));
    }

    [Fact]
    public void ACueLineWithoutACodeIsRefusedWithItsLineNumber()
    {
        var error = Assert.Throws<FormatException>(() => ClassificationCues.Parse(new StringReader("# cues\n[product]\n0201: 青汁\n青汁だけの行\n")));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedCueNamesALeafCodeOfItsList()
    {
        using var stream = typeof(ClassificationCues).Assembly.GetManifestResourceStream("Assistance/Data/classification-cues.txt")!;
        using var reader = new StreamReader(stream);
        string? list = null;
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith('['))
            {
                list = trimmed[1..^1];
                continue;
            }

            var code = trimmed[..trimmed.IndexOf(':', StringComparison.Ordinal)].Split(' ')[0];
            Assert.True(Codes.IsValid(list!, code, leafOnly: true), $"{list} {code}");
        }
    }

    [Fact]
    public void AWeakCueCountsLessThanAWordOfHowTheContractWasMade()
    {
        var cues = ClassificationCues.Parse(new StringReader("[salesForm]\nS1: 店に行\nS3 weak: 広告\n"));
        var classifier = new ShippedCodeClassifier(Codes, cues);

        // One weak word against one strong word of the same length: the way the contract was made wins.
        var codes = classifier.Suggest("広告を見て店に行った", []).SalesForm;

        Assert.Equal("S1", codes[0].Code);
        Assert.Contains(codes, c => c.Code == "S3");
        Assert.Throws<FormatException>(() => ClassificationCues.Parse(new StringReader("[salesForm]\nS3 strong: 広告\n")));
    }
}
