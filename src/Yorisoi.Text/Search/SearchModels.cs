using System.Net;
using System.Text;

namespace Yorisoi.Text.Search;

public sealed class SearchRequest
{
    /// <summary>What the user typed, in the syntax of <see cref="JapaneseQueryParser"/>.</summary>
    public string? Query { get; init; }

    /// <summary>
    /// Filters the caller sets (not the user): keyword field → allowed values (any of them), e.g. the centers a
    /// counselor may see. Applied to every search and to "more like this", including an empty query when
    /// <see cref="MatchAllWhenEmpty"/> is set.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters { get; init; }

    /// <summary>An empty query lists every document the filters allow (newest first by <see cref="SortBy"/>) instead of nothing.</summary>
    public bool MatchAllWhenEmpty { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>A number or date field to sort by instead of relevance.</summary>
    public string? SortBy { get; init; }

    public bool SortDescending { get; init; } = true;

    /// <summary>Keyword fields (declared with facet: true) to count values of over all matching documents.</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>Text fields to make snippets of; none when empty.</summary>
    public IReadOnlyList<string> Snippets { get; init; } = [];

    /// <summary>Characters of original text per snippet fragment.</summary>
    public int FragmentLength { get; init; } = 120;

    public int MaxFragments { get; init; } = 2;

    /// <summary>Treat every word as a prefix and kana as readings, for pickers and search-as-you-type.</summary>
    public bool PrefixMatch { get; init; }

    /// <summary>
    /// Read the query as everyday language (see <see cref="JapaneseQueryParser.ParseNatural"/>): documents need not hold
    /// every word, and rank by how many of the words they hold and how distinctive those are.
    /// </summary>
    public bool AnyWord { get; init; }
}

public sealed record SearchResult(
    QueryStatus Status,
    QueryNotices Notices,
    int TotalHits,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    public static SearchResult Nothing(QueryStatus status, QueryNotices notices) =>
        new(status, notices, 0, [], new Dictionary<string, IReadOnlyList<FacetValue>>());
}

public sealed record SearchHit(string Id, float Score, IReadOnlyList<Snippet> Snippets);

public sealed record FacetValue(string Value, int Count);

/// <summary>A marked range inside a snippet's <see cref="Snippet.Text"/>.</summary>
public readonly record struct HighlightRange(int Start, int Length);

/// <summary>
/// A fragment of a stored text field: the original characters from <see cref="SourceStart"/>, with the matched words
/// as ranges, so that the caller renders marks itself (Blazor escapes the text); <see cref="ToHtml"/> is for others.
/// </summary>
public sealed record Snippet(string Field, string Text, int SourceStart, IReadOnlyList<HighlightRange> Highlights, bool StartsInside, bool EndsInside)
{
    public string ToHtml(string openTag = "<mark>", string closeTag = "</mark>")
    {
        var html = new StringBuilder(Text.Length + (Highlights.Count * 13));
        if (StartsInside)
        {
            html.Append('…');
        }

        var position = 0;
        foreach (var range in Highlights)
        {
            html.Append(WebUtility.HtmlEncode(Text[position..range.Start]));
            html.Append(openTag).Append(WebUtility.HtmlEncode(Text.Substring(range.Start, range.Length))).Append(closeTag);
            position = range.Start + range.Length;
        }

        html.Append(WebUtility.HtmlEncode(Text[position..]));
        if (EndsInside)
        {
            html.Append('…');
        }

        return html.ToString();
    }
}

public sealed record SimilarResult(IReadOnlyList<SearchHit> Hits, IReadOnlyList<string> Terms);
