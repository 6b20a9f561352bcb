namespace Yorisoi.Text.Analysis;

/// <summary>
/// Remembers the last analysis on each thread. Indexing analyses every text field twice in a row (base forms, then
/// readings) on the same thread with the same string, and snippets do the same; this halves MeCab's share of the work.
/// </summary>
internal sealed class LastTextCache(IMorphologicalAnalyzer inner) : IMorphologicalAnalyzer
{
    [ThreadStatic]
    private static (IMorphologicalAnalyzer Owner, string Text, IReadOnlyList<MorphToken> Tokens)? s_last;

    public IReadOnlyList<MorphToken> Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (s_last is { } last && ReferenceEquals(last.Owner, this) && (ReferenceEquals(last.Text, text) || string.Equals(last.Text, text, StringComparison.Ordinal)))
        {
            return last.Tokens;
        }

        var tokens = inner.Analyze(text);
        s_last = (this, text, tokens);
        return tokens;
    }

    public IReadOnlyList<MorphToken> PartsOf(MorphToken token) => inner.PartsOf(token);
}
