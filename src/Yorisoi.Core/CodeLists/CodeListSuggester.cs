using System.Collections.Concurrent;
using Yorisoi.Text;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.CodeLists;

/// <summary>
/// Search-as-you-type over a code list with the shared Japanese analysis: names and synonyms match by spelling and
/// by MeCab reading (ていき offers 定期購入, けいたい 携帯電話サービス), the consumer-affairs synonym list adds the
/// other words people use (さぷり finds 健康食品), and a leaf is still found by its group's name (食料品). One
/// <see cref="ReadingSuggester"/> per code-list version and list, built on first use and kept for the process.
/// </summary>
public sealed class CodeListSuggester(IMorphologicalAnalyzer analyzer, SynonymList synonyms)
{
    /// <summary>Matches only by a group's name rank after every match of the entry's own words.</summary>
    private const int GroupNameRank = 100;

    private readonly ConcurrentDictionary<(string Version, string List), Lazy<ReadingSuggester>> _suggesters = new();

    /// <summary>
    /// Best first: the code, names starting with the input, readings and synonyms, words inside names, then entries
    /// under a matching group; leaves before groups at the same rank. An empty input lists the first entries in order.
    /// </summary>
    public IReadOnlyList<CodeItem> Suggest(CodeListVersion codes, string list, string? query, int limit, Func<CodeItem, bool>? include = null)
    {
        var items = codes.Items(list);
        include ??= _ => true;
        if (JapaneseNormalizer.Fold(query).Length == 0 || limit <= 0)
        {
            return [.. items.Where(include).Take(Math.Max(0, limit))];
        }

        var suggester = _suggesters.GetOrAdd((codes.Version, list), _ => new Lazy<ReadingSuggester>(() => Build(codes, list))).Value;
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var suggestion in suggester.Suggest(query, suggester.Count))
        {
            ranks[suggestion.Item.Code] = suggestion.Rank;
        }

        // The folded search also matches the path, so the entries under a group named like the input come along.
        foreach (var item in codes.Search(list, query, items.Count))
        {
            ranks.TryAdd(item.Code, GroupNameRank);
        }

        return [.. ranks
            .Select(r => (Item: codes.Find(list, r.Key)!, Rank: r.Value))
            .Where(x => include(x.Item))
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Item.IsLeaf ? 0 : 1)
            .ThenBy(x => x.Item.Name.Length)
            .ThenBy(x => x.Item.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => x.Item)];
    }

    private ReadingSuggester Build(CodeListVersion codes, string list) =>
        new(codes.Items(list).Select(i => new SuggestionItem(i.Code, i.Name, Synonyms(i))), analyzer);

    private List<string> Synonyms(CodeItem item)
    {
        var words = new List<string>(item.Synonyms);
        foreach (var word in item.Synonyms.Prepend(item.Name))
        {
            words.AddRange(synonyms.SynonymsOf(word));
        }

        return [.. words.Where(w => w != item.Name).Distinct(StringComparer.Ordinal)];
    }
}
