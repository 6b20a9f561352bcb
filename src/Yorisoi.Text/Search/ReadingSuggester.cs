using Yorisoi.Text.Analysis;

namespace Yorisoi.Text.Search;

/// <summary>An entry of a code picker: its code, name and the other words people use for it.</summary>
public sealed record SuggestionItem(string Code, string Name, IReadOnlyList<string> Synonyms);

public sealed record Suggestion(SuggestionItem Item, int Rank, string MatchedText);

/// <summary>
/// Search-as-you-type for code pickers over a few thousand entries held in memory: typing ていき offers 定期購入 and
/// the products whose names or synonyms read that way. Each name and synonym is matched by its folded spelling and
/// by its MeCab reading in hiragana, as a whole and from each word inside it (こうにゅう finds 定期購入 too).
/// </summary>
public sealed class ReadingSuggester
{
    private readonly List<(SuggestionItem Item, Key[] Keys)> _entries;

    public ReadingSuggester(IEnumerable<SuggestionItem> items, IMorphologicalAnalyzer analyzer)
    {
        _entries = [.. items.Select(item => (item, Keys(item, analyzer)))];
    }

    public int Count => _entries.Count;

    /// <summary>
    /// Best first: the code itself, then names starting with the input, then readings and synonyms starting with it,
    /// then words inside names or readings starting with it, then any other containment.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string? input, int limit = 10)
    {
        var query = JapaneseNormalizer.Fold(input);
        if (query.Length == 0 || limit <= 0)
        {
            return [];
        }

        var found = new List<Suggestion>();
        foreach (var (item, keys) in _entries)
        {
            var best = int.MaxValue;
            var matched = string.Empty;
            foreach (var key in keys)
            {
                // Readings match from a word's start only: ていき inside かていきょうし (家庭教師) is not what was meant.
                var rank = key.Text.StartsWith(query, StringComparison.Ordinal) ? key.PrefixRank
                    : !key.IsReading && key.Text.Contains(query, StringComparison.Ordinal) ? key.PrefixRank + 10
                    : int.MaxValue;
                if (rank < best)
                {
                    best = rank;
                    matched = key.Source;
                }
            }

            if (best != int.MaxValue)
            {
                found.Add(new Suggestion(item, best, matched));
            }
        }

        return [.. found.OrderBy(s => s.Rank).ThenBy(s => s.Item.Name.Length).ThenBy(s => s.Item.Code, StringComparer.Ordinal).Take(limit)];
    }

    private static Key[] Keys(SuggestionItem item, IMorphologicalAnalyzer analyzer)
    {
        var keys = new List<Key> { new(JapaneseNormalizer.Fold(item.Code), 0, item.Code, false) };
        AddText(keys, analyzer, item.Name, spellingRank: 1, readingRank: 2);
        foreach (var synonym in item.Synonyms)
        {
            AddText(keys, analyzer, synonym, spellingRank: 3, readingRank: 3);
        }

        return [.. keys.Where(k => k.Text.Length > 0).DistinctBy(k => (k.Text, k.PrefixRank, k.IsReading))];
    }

    private static void AddText(List<Key> keys, IMorphologicalAnalyzer analyzer, string text, int spellingRank, int readingRank)
    {
        keys.Add(new Key(JapaneseNormalizer.Fold(text), spellingRank, text, false));
        var tokens = analyzer.Analyze(text).SelectMany(t => analyzer.PartsOf(t) is { Count: > 0 } parts ? parts : [t]).Where(t => t.PartOfSpeech != "記号").ToList();
        var readings = tokens.Select(t => Readings.Of(t) ?? JapaneseNormalizer.Fold(t.Surface)).ToList();
        keys.Add(new Key(string.Concat(readings), readingRank, text, true));

        // From each later word on, so the second half of a compound is found from its start, not only by containment.
        for (var i = 1; i < tokens.Count; i++)
        {
            keys.Add(new Key(JapaneseNormalizer.Fold(string.Concat(tokens.Skip(i).Select(t => t.Surface))), 4, text, false));
            keys.Add(new Key(string.Concat(readings.Skip(i)), 4, text, true));
        }
    }

    private readonly record struct Key(string Text, int PrefixRank, string Source, bool IsReading);
}
