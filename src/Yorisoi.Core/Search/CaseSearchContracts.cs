using Yorisoi.Core.Cases;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Search;

public enum CaseSearchSort
{
    /// <summary>Best match first (BM25); an empty query lists newest first.</summary>
    Relevance,

    /// <summary>Newest receipt first.</summary>
    Date,
}

public sealed record CaseSearchQuery
{
    /// <summary>What the user typed (JapaneseQueryParser syntax: AND by default, OR, -word, "phrase", 事業者:…, 受付番号:…).</summary>
    public string? Q { get; init; }

    public CaseStatus? Status { get; init; }

    /// <summary>商品・役務分類: a level-1 code (two digits) or a leaf code.</summary>
    public string? Product { get; init; }

    public string? SalesForm { get; init; }

    public int? FiscalYear { get; init; }

    public CaseSearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>
/// A fragment of the narrative, handling log or request note with the matched words as ranges into <see cref="Text"/>;
/// the caller renders the marks (the text is not HTML), as for FAQ snippets.
/// </summary>
public sealed record CaseSnippet(string Field, string Text, IReadOnlyList<HighlightRange> Highlights, bool StartsInside, bool EndsInside);

public sealed record CaseSearchHit(
    Guid Id,
    string ReceiptNumber,
    float Score,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    string? BusinessName,
    string? ProductName,
    bool IsOwnCenter,
    IReadOnlyList<CaseSnippet> Snippets);

public sealed record CaseFacetValue(string Value, string Label, int Count);

public sealed record CaseSearchFacet(string Field, string Label, IReadOnlyList<CaseFacetValue> Values);

/// <param name="Notices">Japanese messages about the query (empty, words ignored, quotes closed …) and the index (still being built).</param>
/// <param name="IndexingInProgress">The index is being built from all cases; results are what it holds so far.</param>
public sealed record CaseSearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<CaseSearchHit> Hits,
    IReadOnlyList<CaseSearchFacet> Facets,
    IReadOnlyList<string> Notices,
    bool IndexingInProgress)
{
    /// <summary>The search in the search log (0 when not logged: no words, a later page, or the index still being built); pass it on when a result is opened.</summary>
    public long SearchId { get; init; }
}

/// <param name="CommonTerms">The words this case shares with the one it is similar to (those marked in its snippets).</param>
public sealed record SimilarCase(
    Guid Id,
    string ReceiptNumber,
    float Score,
    DateTimeOffset ReceivedAt,
    CaseStatus Status,
    string? BusinessName,
    string? ProductName,
    bool IsOwnCenter,
    IReadOnlyList<string> CommonTerms,
    IReadOnlyList<CaseSnippet> Snippets);

/// <param name="Terms">The most distinctive words of the source text, which the similar cases were found by.</param>
public sealed record SimilarCasesResult(IReadOnlyList<SimilarCase> Cases, IReadOnlyList<string> Terms, bool IndexingInProgress);
