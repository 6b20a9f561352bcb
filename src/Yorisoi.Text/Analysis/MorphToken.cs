namespace Yorisoi.Text.Analysis;

/// <summary>
/// One word found by morphological analysis. <see cref="Start"/> and <see cref="Length"/> point into the text the caller
/// passed (not the normalised text MeCab saw), so a caller can highlight it where the user typed it.
/// </summary>
/// <param name="Surface">The word as MeCab saw it after normalisation (NFKC, lower case).</param>
/// <param name="BaseForm">Dictionary form (食べ → 食べる); the surface when the dictionary has none.</param>
/// <param name="PartOfSpeech">IPADIC major part of speech: 名詞, 動詞, 形容詞, 助詞, 記号 …</param>
/// <param name="PartOfSpeechDetail">IPADIC sub-categories joined by '-' (固有名詞-組織), empty when none.</param>
/// <param name="Reading">Reading in katakana (IPADIC feature 8), null for unknown words.</param>
/// <param name="IsUnknown">MeCab did not find the word in any dictionary.</param>
public sealed record MorphToken(
    string Surface,
    string BaseForm,
    string PartOfSpeech,
    string PartOfSpeechDetail,
    string? Reading,
    int Start,
    int Length,
    bool IsUnknown)
{
    public int End => Start + Length;

    public bool IsNoun => PartOfSpeech == "名詞";

    /// <summary>
    /// Content words carry meaning for search: nouns, verbs, adjectives, adverbs, adnominals, unknown words.
    /// A word made only of symbols ("...", "\\", "-") is none, whatever MeCab guessed for it.
    /// </summary>
    public bool IsContentWord =>
        (IsUnknown || PartOfSpeech is "名詞" or "動詞" or "形容詞" or "副詞" or "連体詞" or "接頭詞" or "感動詞")
        && Surface.AsSpan().IndexOfAnyExcept(SymbolsOnly) >= 0;

    private static readonly System.Buffers.SearchValues<char> SymbolsOnly = System.Buffers.SearchValues.Create(
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~・ー…‥、。「」『』【】〔〕〈〉《》");
}
