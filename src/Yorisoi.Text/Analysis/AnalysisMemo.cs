using System.Collections.Concurrent;

namespace Yorisoi.Text.Analysis;

/// <summary>
/// Keeps the analyses of the texts of a small, stable index, such as the questions and answers of the knowledge base:
/// their snippets are cut from the stored text at every search, and re-analysing long answers with MeCab was most of the
/// cost of a suggestion. Only texts analysed inside <see cref="Record"/> are kept (the index's own, while it is built),
/// so the queries and narratives analysed later never crowd them out.
/// </summary>
public sealed class AnalysisMemo(IMorphologicalAnalyzer inner) : IMorphologicalAnalyzer
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<MorphToken>> _analyses = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public int Count => _analyses.Count;

    /// <summary>Forgets what was kept, then keeps every text analysed until the returned scope ends.</summary>
    public IDisposable Record()
    {
        _analyses.Clear();
        _recording = true;
        return new Scope(this);
    }

    public IReadOnlyList<MorphToken> Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (_analyses.TryGetValue(text, out var tokens))
        {
            return tokens;
        }

        tokens = inner.Analyze(text);
        if (_recording)
        {
            _analyses.TryAdd(text, tokens);
        }

        return tokens;
    }

    public IReadOnlyList<MorphToken> PartsOf(MorphToken token) => inner.PartsOf(token);

    private sealed class Scope(AnalysisMemo memo) : IDisposable
    {
        public void Dispose() => memo._recording = false;
    }
}
