using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Search;

/// <summary>
/// Recall: normalisation (NFKC, width, case), UAX #29 word segmentation with kanji and hiragana one by one and katakana
/// runs whole, CJK bigrams across them (and at index time the last character of each run on its own, so that a
/// one-character query such as 車, searched as a prefix, still finds 自動車 at the end of a sentence), kana folded.
/// Finds any substring of two or more characters whatever MeCab makes of it. Lucene's StandardTokenizer rather than the
/// ICU tokenizer: both follow UAX #29 for Japanese, but Lucene.NET's ICU tokenizer holds one process-wide lock while it
/// segments, so two cores indexing or cutting snippets took turns.
/// </summary>
public sealed class RecallAnalyzer(bool unigrams) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public bool Unigrams { get; } = unigrams;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new JapaneseNormalizingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        // The char filter has already folded width (NFKC) and case, so Lucene's width and lower-case filters would
        // only repeat it, the latter at the price of a call into ICU per token.
        TokenStream stream = new CjkBigramFilter(tokenizer, Unigrams ? CjkUnigrams.LastOfRun : CjkUnigrams.None);
        stream = new KanaFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>Precision: MeCab base forms of content words (particles, auxiliaries, symbols and stop words dropped), user terms whole.</summary>
public sealed class PrecisionAnalyzer(IMorphologicalAnalyzer analyzer) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new MeCabTokenizer(reader, analyzer, MeCabTokenizerMode.BaseForm);
        return new TokenStreamComponents(tokenizer);
    }
}

/// <summary>Readings: MeCab readings of content words in hiragana, so that ていき finds 定期 and かいやく finds 解約.</summary>
public sealed class ReadingAnalyzer(IMorphologicalAnalyzer analyzer) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new MeCabTokenizer(reader, analyzer, MeCabTokenizerMode.Reading);
        return new TokenStreamComponents(tokenizer);
    }
}

/// <summary>Keyword fields: the whole value as one term after the field's own key function.</summary>
internal sealed class KeywordValueAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new KeywordTokenizer(reader));
}
