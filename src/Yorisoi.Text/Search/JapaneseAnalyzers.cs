using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Icu.Segmentation;
using Lucene.Net.Util;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Search;

/// <summary>
/// Recall: normalisation, ICU word segmentation with CJK characters one by one, width and case folding, CJK bigrams
/// (and unigrams at index time, so a one-character query such as 車 still finds 自動車), kana folded.
/// Finds any substring of two or more characters whatever MeCab makes of it.
/// </summary>
public sealed class RecallAnalyzer(bool unigrams) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly DefaultICUTokenizerConfig TokenizerConfig = new(cjkAsWords: false, myanmarAsWords: true);

    public bool Unigrams { get; } = unigrams;

    protected override TextReader InitReader(string fieldName, TextReader reader) => new JapaneseNormalizingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new ICUTokenizer(reader, TokenizerConfig);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, Unigrams);
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
