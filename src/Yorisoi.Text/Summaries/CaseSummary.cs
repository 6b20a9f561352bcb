namespace Yorisoi.Text.Summaries;

/// <summary>Where a chosen sentence comes from.</summary>
public enum SummarySource
{
    Narrative,
    HandlingLog,
}

/// <summary>
/// A sentence chosen for a summary, as it was written. <see cref="Start"/> and <see cref="Length"/> point into the
/// narrative or into handling-log entry <see cref="LogEntry"/>; a sentence cut to fit the budget ends with … in
/// <see cref="Text"/> and its range covers only the part kept.
/// </summary>
public sealed record SummarySentence(string Text, SummarySource Source, int? LogEntry, int Start, int Length, bool IsCut);

/// <summary>
/// An extractive summary of a case: sentences of the narrative then of the handling log, each in the order written,
/// and the key terms that weighed most in choosing them, spelled as in the text.
/// </summary>
public sealed record CaseSummary(IReadOnlyList<SummarySentence> Sentences, IReadOnlyList<string> KeyTerms)
{
    public static CaseSummary Empty { get; } = new([], []);

    public bool IsEmpty => Sentences.Count == 0;

    /// <summary>The sentences joined, with a space only where a sentence has no closing mark of its own.</summary>
    public string Text => Join(Sentences.Select(s => s.Text));

    internal static string Join(IEnumerable<string> sentences)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var sentence in sentences)
        {
            if (builder.Length > 0 && NeedsSeparator(builder[^1], sentence[0]))
            {
                builder.Append(' ');
            }

            builder.Append(sentence);
        }

        return builder.ToString();
    }

    // After 。 (or 、 where a long sentence was taken clause by clause) Japanese follows directly, even one that opens with a digit; English words need their space.
    private static bool NeedsSeparator(char last, char next) =>
        !(last is '。' or '！' or '？' or '｡' or '、' or '」' or '』' or '）' or '】' && !char.IsAsciiLetter(next));
}
