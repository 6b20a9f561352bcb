using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Yorisoi.Text;
using Yorisoi.Text.Search;

namespace Yorisoi.Tests.Unit.Text;

public sealed class LuceneAnalyzerTests
{
    [Fact]
    public void RecallMakesBigramsOfNormalisedTextWithOriginalOffsets()
    {
        using var analyzer = new RecallAnalyzer(unigrams: false);
        const string text = "ｻﾌﾟﾘ解約";

        var tokens = Tokens(analyzer, "f", text);

        Assert.Equal(["さぷ", "ぷり", "り解", "解約"], tokens.Select(t => t.Term));
        Assert.Equal("解約", text[tokens[^1].Start..tokens[^1].End]);
        // CJKBigramFilter gives each bigram of a word whose length the char filter changed the whole word's offsets.
        Assert.Equal("ｻﾌﾟﾘ", text[tokens[0].Start..tokens[0].End]);
    }

    [Fact]
    public void RecallIndexesUnigramsForOneCharacterQueries()
    {
        using var analyzer = new RecallAnalyzer(unigrams: true);

        var terms = Tokens(analyzer, "f", "自動車").Select(t => t.Term).ToList();

        Assert.Contains("車", terms);
        Assert.Contains("動車", terms);
    }

    [Fact]
    public void PrecisionKeepsBaseFormsOfContentWordsOnly()
    {
        using var analyzer = new PrecisionAnalyzer(MeCabFixture.Analyzer);

        var terms = Tokens(analyzer, "f", "定期購入のサプリを解約したいが、電話がつながらない。").Select(t => t.Term).ToList();

        // The compound kept whole by the user dictionary also gives its parts, so 購入 alone finds it.
        Assert.Equal(["定期購入", "定期", "購入", "さぷり", "解約", "電話", "つながる"], terms);
    }

    [Fact]
    public void ReadingsAreHiraganaWithCompoundReadings()
    {
        using var analyzer = new ReadingAnalyzer(MeCabFixture.Analyzer);

        var tokens = Tokens(analyzer, "f", "定期の解約、消費者契約");
        var terms = tokens.Select(t => t.Term).ToList();

        Assert.Contains("ていき", terms);
        Assert.Contains("かいやく", terms);
        Assert.Contains("しょうひしゃ", terms);
        Assert.Contains("しょうひしゃけいやく", terms);
        Assert.DoesNotContain("の", terms);
        Assert.Equal(0, tokens.Single(t => t.Term == "しょうひしゃけいやく").Increment);
    }

    [Fact]
    public void TheKanaShiftAgreesWithIcuTransliterationOnTheKatakanaBlock()
    {
        // ア..ヴ; ICU spells the small ヵ ヶ (U+30F5, U+30F6) as か け, the shift keeps them small (ゕ ゖ) as Fold always did.
        var icu = Transliterator.GetInstance("Katakana-Hiragana");
        var katakana = new string([.. Enumerable.Range(0x30A1, 0x30F4 - 0x30A1 + 1).Select(c => (char)c)]);

        Assert.Equal(icu.Transliterate(katakana), JapaneseNormalizer.ToHiragana(katakana));
    }

    internal static List<(string Term, int Start, int End, int Increment)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }

        stream.End();
        return tokens;
    }
}
