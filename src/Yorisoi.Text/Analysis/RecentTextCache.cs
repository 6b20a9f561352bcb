namespace Yorisoi.Text.Analysis;

/// <summary>
/// Remembers the last few analyses on each thread. Indexing analyses every text field twice (base forms, then
/// readings) on the same thread, and Lucene processes a field's values together before the next field: a case's
/// handling log entries are all analysed for base forms before any for readings, so remembering only the last text would
/// send every entry but the last through MeCab twice. Snippets repeat the same texts as well.
/// </summary>
internal sealed class RecentTextCache(IMorphologicalAnalyzer inner) : IMorphologicalAnalyzer
{
    /// <summary>More than the values one field of a document has in practice (handling log entries of a long case).</summary>
    public const int Capacity = 32;

    [ThreadStatic]
    private static Ring? s_ring;

    public IReadOnlyList<MorphToken> Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var ring = s_ring ??= new Ring();
        if (ring.Find(this, text) is { } tokens)
        {
            return tokens;
        }

        tokens = inner.Analyze(text);
        ring.Add(this, text, tokens);
        return tokens;
    }

    public IReadOnlyList<MorphToken> PartsOf(MorphToken token) => inner.PartsOf(token);

    private sealed class Ring
    {
        private readonly (RecentTextCache? Owner, string? Text, IReadOnlyList<MorphToken>? Tokens)[] _entries = new (RecentTextCache?, string?, IReadOnlyList<MorphToken>?)[Capacity];
        private int _next;

        public IReadOnlyList<MorphToken>? Find(RecentTextCache owner, string text)
        {
            // Newest first: the common repeat is the text just analysed.
            for (var i = 1; i <= Capacity; i++)
            {
                var (entryOwner, entryText, tokens) = _entries[(_next - i + Capacity) % Capacity];
                if (entryText is null)
                {
                    return null;
                }

                if (ReferenceEquals(entryOwner, owner) && (ReferenceEquals(entryText, text) || string.Equals(entryText, text, StringComparison.Ordinal)))
                {
                    return tokens;
                }
            }

            return null;
        }

        public void Add(RecentTextCache owner, string text, IReadOnlyList<MorphToken> tokens)
        {
            _entries[_next] = (owner, text, tokens);
            _next = (_next + 1) % Capacity;
        }
    }
}
