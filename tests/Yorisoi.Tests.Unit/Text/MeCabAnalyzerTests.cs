using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Text;

public sealed class MeCabAnalyzerTests
{
    private static MeCabAnalyzer Analyzer => MeCabFixture.Analyzer;

    [Fact]
    public void WordsComeWithBaseFormsPartsOfSpeechAndReadings()
    {
        var tokens = Analyzer.Analyze("サプリを解約したい");

        Assert.Equal(["サプリ", "を", "解約", "し", "たい"], tokens.Select(t => t.Surface));
        var cancel = tokens[2];
        Assert.Equal("解約", cancel.BaseForm);
        Assert.Equal("名詞", cancel.PartOfSpeech);
        Assert.Equal("サ変接続", cancel.PartOfSpeechDetail);
        Assert.Equal("カイヤク", cancel.Reading);
        Assert.Equal("する", tokens[3].BaseForm);
        Assert.Equal("助詞", tokens[1].PartOfSpeech);
    }

    [Fact]
    public void OffsetsPointIntoTheOriginalTextEvenWhenItWasNormalised()
    {
        const string text = "ＡＢＣ社の　ｶｲﾔｸ手続き、一万円😀返金";
        var tokens = Analyzer.Analyze(text);

        foreach (var token in tokens)
        {
            Assert.InRange(token.Start, 0, text.Length);
            Assert.InRange(token.End, token.Start, text.Length);
        }

        Assert.Contains(tokens, t => t.Surface == "abc" && text.Substring(t.Start, t.Length) == "ＡＢＣ");
        Assert.Contains(tokens, t => t.Surface == "手続き" && text.Substring(t.Start, t.Length) == "手続き");
        Assert.Contains(tokens, t => t.Surface == "返金" && text.Substring(t.Start, t.Length) == "返金");
        Assert.Contains(tokens, t => t.Surface == "10000" && text.Substring(t.Start, t.Length) == "一万");
    }

    [Fact]
    public void HalfWidthKatakanaIsAnalysedAsItsFullWidthWord()
    {
        var token = Assert.Single(Analyzer.Analyze("ｻﾌﾟﾘﾒﾝﾄ"));

        Assert.Equal("サプリメント", token.Surface);
        Assert.Equal("サプリメント", token.Reading);
        Assert.Equal((0, 7), (token.Start, token.Length));
    }

    [Fact]
    public void UnknownWordsHaveNoReading()
    {
        var token = Assert.Single(Analyzer.Analyze("ヨリソイテスト"));

        Assert.True(token.IsUnknown);
        Assert.Null(token.Reading);
        Assert.Equal("ヨリソイテスト", token.BaseForm);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\0\0")]
    public void NothingToAnalyseGivesNoTokens(string? text)
    {
        Assert.Empty(Analyzer.Analyze(text));
    }

    [Fact]
    public void NulCharactersDoNotCutTheText()
    {
        var tokens = Analyzer.Analyze("解約\0返金");

        Assert.Equal(["解約", "返金"], tokens.Select(t => t.Surface));
        Assert.Equal(3, tokens[1].Start);
    }

    [Fact]
    public void VeryLongTextIsAnalysedInPiecesWithOffsetsAcrossThem()
    {
        const string sentence = "定期購入のサプリを解約したいが電話がつながらない。";
        var text = string.Concat(Enumerable.Repeat(sentence, 2000));
        using var analyzer = new MeCabAnalyzer(new MeCabOptions { MaxChunkLength = 1000 });

        var tokens = analyzer.Analyze(text);

        var cancels = tokens.Where(t => t.Surface == "解約").ToList();
        Assert.Equal(2000, cancels.Count);
        Assert.All(cancels, t => Assert.Equal("解約", text.Substring(t.Start, t.Length)));
        Assert.Equal(text.LastIndexOf("解約", StringComparison.Ordinal), cancels[^1].Start);
    }

    [Fact]
    public void TextWithoutSentenceEndsIsCutWithoutSplittingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3000));

        var chunks = MeCabAnalyzer.Chunks(text, 999).ToList();

        Assert.Equal(text.Length, chunks.Sum(c => c.Length));
        Assert.All(chunks, c => Assert.False(char.IsLowSurrogate(text[c.Start])));
    }

    [Fact]
    public void ConsumerAffairsTermsStayOneWordWithTheirReading()
    {
        var tokens = Analyzer.Analyze("クーリング・オフの期間内に特定商取引法に基づき定期購入を解約");

        Assert.Contains(tokens, t => t.Surface == "クーリング・オフ" && t.Reading == "クーリングオフ");
        Assert.Contains(tokens, t => t.Surface == "特定商取引法" && t.Reading == "トクテイショウトリヒキホウ");
        Assert.Contains(tokens, t => t.Surface == "定期購入" && t.Reading == "テイキコウニュウ");
    }

    [Fact]
    public void EveryListedUserTermIsKeptWholeInASentence()
    {
        var missed = UserTermList.Default.Entries
            .Where(e => !Analyzer.Analyze($"昨日、{e.Surface}について相談した").Any(t => t.Surface == Yorisoi.Text.JapaneseNormalizer.NormalizeText(e.Surface)))
            .Select(e => e.Surface)
            .ToList();

        Assert.Empty(missed);
    }

    [Fact]
    public void TheCompiledUserDictionaryKeepsTermsWholeWhereIpadicWouldCutAcrossThem()
    {
        Assert.True(Analyzer.CompiledUserDictionary is not null, "The user dictionary was not compiled: " + Analyzer.UserDictionaryProblem);

        var tokens = Analyzer.Analyze("昨日光回線について");

        Assert.Equal(["昨日", "光回線", "について"], tokens.Select(t => t.Surface));
        Assert.Equal("ヒカリカイセン", tokens[1].Reading);
    }

    [Fact]
    public void WithoutTheCompiledDictionaryTheMergeStillKeepsTermsWhole()
    {
        using var analyzer = new MeCabAnalyzer(new MeCabOptions { CompileUserDictionary = false });

        var tokens = analyzer.Analyze("定期購入の解約でクーリング・オフ");

        Assert.Null(analyzer.CompiledUserDictionary);
        Assert.Equal(["定期購入", "の", "解約", "で", "クーリング・オフ"], tokens.Select(t => t.Surface));
        Assert.Equal("テイキコウニュウ", tokens[0].Reading);
        Assert.Equal((8, 8), (tokens[4].Start, tokens[4].Length));
    }

    [Fact]
    public void TermsSeparatedBySpaceAreNotMerged()
    {
        var tokens = Analyzer.Analyze("定期 購入");

        Assert.Equal(["定期", "購入"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void ParallelAnalysisGivesTheSameTokensAsSequential()
    {
        string[] texts =
        [
            "定期購入のサプリを解約したいが電話がつながらない。",
            "訪問販売で屋根修理を契約したが、クーリング・オフしたい。",
            "身に覚えのない架空請求のハガキが届いた。１０万円払えと書いてある。",
            "ネット通販で注文した商品が届かない。事業者に連絡が取れない。",
        ];
        var expected = texts.Select(t => Analyzer.Analyze(t)).ToArray();

        var results = new IReadOnlyList<MorphToken>[400];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => results[i] = Analyzer.Analyze(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [Fact]
    public void AMissingDictionaryIsReportedWithWhatToInstall()
    {
        var error = Assert.Throws<MeCabNotAvailableException>(() => new MeCabAnalyzer(new MeCabOptions { DictionaryDirectory = "/nonexistent/mecab/dic" }));

        Assert.Contains("apt-get install libmecab2 mecab-ipadic-utf8", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/mecab/dic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADictionaryInAnotherEncodingIsRefused()
    {
        if (!File.Exists("/var/lib/mecab/dic/ipadic/sys.dic"))
        {
            Assert.Fail("This test needs Debian's EUC-JP IPADIC (mecab-ipadic, a dependency of mecab-ipadic-utf8).");
        }

        var error = Assert.Throws<MeCabNotAvailableException>(() => new MeCabAnalyzer(new MeCabOptions { DictionaryDirectory = "/var/lib/mecab/dic/ipadic" }));

        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }
}
