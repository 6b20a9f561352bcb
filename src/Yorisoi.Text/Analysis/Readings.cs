namespace Yorisoi.Text.Analysis;

/// <summary>Readings in hiragana for matching: ていき finds 定期, かいやく finds 解約.</summary>
public static class Readings
{
    /// <summary>
    /// The reading of one token folded to hiragana: IPADIC's katakana reading, or the word itself when it is written in
    /// kana; null when it has none (unknown words in kanji or Latin letters).
    /// </summary>
    public static string? Of(MorphToken token)
    {
        if (token.Reading is { Length: > 0 } reading && reading != "*")
        {
            return JapaneseNormalizer.ToHiragana(reading);
        }

        return JapaneseNormalizer.IsKanaOnly(token.Surface) ? JapaneseNormalizer.ToHiragana(token.Surface) : null;
    }

    /// <summary>The reading of a whole text in hiragana, words without a reading kept as written (folded).</summary>
    public static string Of(IMorphologicalAnalyzer analyzer, string? text)
    {
        var tokens = analyzer.Analyze(text);
        return string.Concat(tokens.Where(t => t.PartOfSpeech != "記号").Select(t => Of(t) ?? JapaneseNormalizer.Fold(t.Surface)));
    }
}
