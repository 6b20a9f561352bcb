using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Evaluation;
using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

/// <summary>
/// The recall analyser's own bigram filter must give exactly the tokens of Lucene's CJKBigramFilter (terms, offsets,
/// types, positions), with and without unigrams, after the same tokenizer and character filter: indexes built with
/// either are the same, and queries keep matching.
/// </summary>
public sealed class CjkBigramFilterTests
{
    public static TheoryData<string> EdgeCases() =>
    [
        "",
        "車",
        "車。",
        "。車",
        "自動車",
        "自動車 と 車",
        "自、動、車",
        "ｻﾌﾟﾘ解約",
        "㈱ABC商事の定期購入、3回目で解約できない。",
        "abc def",
        "abc自動def車ghi",
        "サプリメント解約クーリング・オフ",
        "한국어 텍스트와 日本語",
        "𠮷野家で𠀋を食べた𠮷",
        "𠮷",
        new string('あ', 200),
        string.Concat(Enumerable.Repeat("長い文章、", 40)),
        "１２３４５円を払った。０９０－１２３４－５６７８に電話",
        "ＡＢＣ株式会社（カブシキガイシャ）",
        "\"定期 購入\" -解約 OR 返金",
        "ﾃｲｷｺｳﾆｭｳ ていきこうにゅう",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void GivesLucenesTokensOnEdgeCases(string text)
    {
        foreach (var unigrams in new[] { true, false })
        {
            Assert.Equal(Tokens(text, lucene: true, unigrams), Tokens(text, lucene: false, unigrams));
        }
    }

    [Fact]
    public void GivesLucenesTokensOnTheEvaluationSetsTheShippedEntriesAndGeneratedCases()
    {
        var codes = CodeListCatalog.LoadEmbedded().Current;
        var generator = new SyntheticCaseGenerator(codes, [new GeneratorCenter(Guid.NewGuid(), "13000", "13000", ["13101"], 1)], seed: 5);
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(9));
        var texts = EvaluationSet.FaqQueries().Concat(EvaluationSet.Narratives()).Select(c => c.Text)
            .Concat(FaqImporter.ReadShipped(codes, FaqCategories.LoadEmbedded()).SelectMany(e => new[] { e.Question, e.Summary, e.Body }))
            .Concat(Enumerable.Range(0, 300).Select(_ => generator.Next(now.AddYears(-1), now, now)).SelectMany(c => new[] { c.Summary, c.Business.Name }.Concat(c.HandlingLog.Select(h => h.Text))))
            .Where(t => !string.IsNullOrEmpty(t))
            .ToList();

        Assert.True(texts.Count > 1000);
        foreach (var text in texts)
        {
            foreach (var unigrams in new[] { true, false })
            {
                Assert.Equal(Tokens(text!, lucene: true, unigrams), Tokens(text!, lucene: false, unigrams));
            }
        }
    }

    [Fact]
    public void LastOfRunAddsTheLastCharacterOfEachRunStackedOnItsLastBigram()
    {
        var tokens = Tokens("自動車を買った。車、ABC 中古車", CjkUnigrams.LastOfRun);

        Assert.Equal(
            [
                "自動 0-2 <DOUBLE> +1 ×1", "動車 1-3 <DOUBLE> +1 ×1", "車を 2-4 <DOUBLE> +1 ×1", "を買 3-5 <DOUBLE> +1 ×1",
                "買っ 4-6 <DOUBLE> +1 ×1", "った 5-7 <DOUBLE> +1 ×1", "た 6-7 <SINGLE> +0 ×1", "車 8-9 <SINGLE> +1 ×1",
                "abc 10-13 <ALPHANUM> +1 ×1", "中古 14-16 <DOUBLE> +1 ×1", "古車 15-17 <DOUBLE> +1 ×1", "車 16-17 <SINGLE> +0 ×1",
                "end 17",
            ],
            tokens);
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void LastOfRunIsLucenesBigramsPlusOneStackedCharacterPerRun(string text)
    {
        var lastOfRun = Tokens(text, CjkUnigrams.LastOfRun);
        var stacked = lastOfRun.Where(t => t.Contains(" <SINGLE> +0 ", StringComparison.Ordinal)).ToList();

        Assert.Equal(Tokens(text, lucene: true, unigrams: false), lastOfRun.Except(stacked).ToList());
        // Each follows a bigram and is that bigram's last character.
        for (var i = 0; i < lastOfRun.Count; i++)
        {
            if (stacked.Contains(lastOfRun[i]))
            {
                var bigram = lastOfRun[i - 1].Split(' ');
                Assert.Equal("<DOUBLE>", bigram[2]);
                Assert.EndsWith(lastOfRun[i].Split(' ')[0], bigram[0], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void TheFilterIsReusedAcrossTextsWithoutCarryingState()
    {
        using var analyzer = new RecallAnalyzer(unigrams: true);
        var first = LuceneAnalyzerTests.Tokens(analyzer, "f", "定期購入の解約。車");
        LuceneAnalyzerTests.Tokens(analyzer, "f", "別の文章、abc 自");
        var again = LuceneAnalyzerTests.Tokens(analyzer, "f", "定期購入の解約。車");

        Assert.Equal(first, again);
    }

    private static List<string> Tokens(string text, bool lucene, bool unigrams) =>
        Tokens(new Comparison(lucene, unigrams ? CjkUnigrams.Every : CjkUnigrams.None), text);

    private static List<string> Tokens(string text, CjkUnigrams unigrams) => Tokens(new Comparison(lucene: false, unigrams), text);

    private static List<string> Tokens(Analyzer owned, string text)
    {
        using var analyzer = owned;
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term} {offset.StartOffset}-{offset.EndOffset} {type.Type} +{increment.PositionIncrement} ×{length.PositionLength}");
        }

        stream.End();
        tokens.Add($"end {offset.EndOffset}");
        return tokens;
    }

    // The recall analyser's chain with either bigram filter.
    private sealed class Comparison(bool lucene, CjkUnigrams unigrams) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new JapaneseNormalizingCharFilter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(RecallAnalyzer.Version, reader);
            TokenStream stream = lucene
                ? new CJKBigramFilter(tokenizer, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, unigrams == CjkUnigrams.Every)
                : new CjkBigramFilter(tokenizer, unigrams);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
