namespace Yorisoi.Text.Analysis;

/// <summary>Splits Japanese text into words with base forms, parts of speech and readings. Implementations are thread-safe.</summary>
public interface IMorphologicalAnalyzer
{
    /// <summary>The words of <paramref name="text"/> in order; empty for null or empty text. Never throws on any input text.</summary>
    IReadOnlyList<MorphToken> Analyze(string? text);
}
