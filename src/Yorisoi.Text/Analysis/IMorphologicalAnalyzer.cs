namespace Yorisoi.Text.Analysis;

/// <summary>Splits Japanese text into words with base forms, parts of speech and readings. Implementations are thread-safe.</summary>
public interface IMorphologicalAnalyzer
{
    /// <summary>The words of <paramref name="text"/> in order; empty for null or empty text. Never throws on any input text.</summary>
    IReadOnlyList<MorphToken> Analyze(string? text);

    /// <summary>
    /// The words a compound kept whole by the user dictionary is made of (定期購入 → 定期, 購入), with offsets in the
    /// same text as <paramref name="token"/>; empty for ordinary words. Search indexes both, so 定期 and ていき still find it.
    /// </summary>
    IReadOnlyList<MorphToken> PartsOf(MorphToken token) => [];
}
