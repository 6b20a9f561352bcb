using System.Reflection;

namespace Yorisoi.Text.Analysis;

/// <summary>
/// Consumer-affairs synonyms kept as data in Solr format (Data/synonyms.txt): "サプリ, サプリメント" makes the words
/// equivalent; "a, b => c" rewrites a and b to c. Words are matched by their folded form (width, case, kana), so
/// ｻﾌﾟﾘ and さぷり find the same group. The query parser expands each query word with its group, so the list can
/// change without re-indexing a million cases.
/// </summary>
public sealed class SynonymList
{
    private static readonly Lazy<SynonymList> s_default = new(LoadDefault);

    private readonly Dictionary<string, string[]> _map;

    private SynonymList(Dictionary<string, string[]> map, int groups)
    {
        _map = map;
        GroupCount = groups;
    }

    public static SynonymList Default => s_default.Value;

    public static SynonymList Empty { get; } = new([], 0);

    public int GroupCount { get; }

    public static SynonymList Parse(TextReader reader)
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var groups = 0;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            groups++;
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                var targets = Words(line[(arrow + 2)..]);
                foreach (var source in Words(line[..arrow]))
                {
                    Add(sets, source, targets);
                }

                continue;
            }

            var words = Words(line);
            foreach (var word in words)
            {
                Add(sets, word, words);
            }
        }

        var map = sets.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return new SynonymList(map, groups);
    }

    /// <summary>The other words that mean <paramref name="word"/> (not the word itself); empty when it has none.</summary>
    public IReadOnlyList<string> SynonymsOf(string word)
    {
        var key = JapaneseNormalizer.Fold(word);
        if (key.Length == 0 || !_map.TryGetValue(key, out var synonyms))
        {
            return [];
        }

        return [.. synonyms.Where(s => JapaneseNormalizer.Fold(s) != key)];
    }

    private static void Add(Dictionary<string, HashSet<string>> sets, string source, IEnumerable<string> targets)
    {
        var key = JapaneseNormalizer.Fold(source);
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(targets);
    }

    private static string[] Words(string part) =>
        part.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static SynonymList LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Yorisoi.Text.Data.synonyms.txt")
            ?? throw new InvalidOperationException("The synonym list is not embedded in Yorisoi.Text.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
