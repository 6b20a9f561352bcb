using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Knowledge;

/// <summary>A snippet of an entry's text with the matched words as ranges into <see cref="Text"/>.</summary>
public sealed record FaqSnippet(string Text, IReadOnlyList<HighlightRange> Highlights, bool StartsInside, bool EndsInside);

public sealed record FaqSearchItem(
    string Id,
    string Question,
    IReadOnlyList<HighlightRange> QuestionHighlights,
    double Score,
    string Category,
    string CategoryName,
    FaqAudience Audience,
    FaqSnippet? Snippet);

/// <summary>
/// One page of FAQ search results. <see cref="SearchId"/> identifies the search in the search log (0 when nothing was
/// searched); pass it when opening or rating an entry so that satisfaction is tied to the query.
/// </summary>
public sealed record FaqSearchResponse(
    long SearchId,
    string Query,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<FaqSearchItem> Results,
    IReadOnlyList<string> Notices);

public sealed record FaqSearchInput(string? Query, string? Category, int? Page, int? PageSize);

/// <summary>
/// FAQ search for the portal (public entries only, whoever asks), for staff (what the FaqEntry query filter lets them
/// see, published entries only) and FAQ candidates for a narrative. Every search is written to the search log, masked.
/// </summary>
public sealed class FaqSearchService(FaqIndexKeeper keeper, YorisoiDbContext db, ISearchLog log, FaqCategories categories)
{
    public const int MaxPageSize = 50;
    public const int MaxPage = 100;
    public const int MaxSuggestions = 20;

    /// <summary>
    /// The entries the current user may find: the same rule as the FaqEntry query filter of the DbContext (system work
    /// sees all; staff see national entries and their own center's; anyone else public entries only).
    /// </summary>
    public FaqVisibility Visibility => VisibilityOf(db.Scope);

    public static FaqVisibility VisibilityOf(AccessScope scope) =>
        scope.Unrestricted ? FaqVisibility.Everything
        : scope.CenterId is { } center ? FaqVisibility.Staff(center)
        : FaqVisibility.Public;

    /// <summary>The portal's search: public entries only, even for a signed-in counselor.</summary>
    public Task<Outcome<FaqSearchResponse>> PublicSearchAsync(FaqSearchInput input, CancellationToken ct = default) =>
        SearchAsync(input, FaqVisibility.Public, SearchSurface.Portal, ct);

    /// <summary>Staff search: public and internal entries the user's center may see.</summary>
    public Task<Outcome<FaqSearchResponse>> StaffSearchAsync(FaqSearchInput input, CancellationToken ct = default) =>
        SearchAsync(input, Visibility, SearchSurface.Staff, ct);

    /// <summary>
    /// The entries that best fit a free-text narrative (a case being typed, 相談概要), best first, among those the
    /// caller may see. Not written to the search log: a narrative is not a query, and may hold personal details.
    /// </summary>
    public async Task<IReadOnlyList<FaqSearchItem>> SuggestForTextAsync(string? text, int limit, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var index = await keeper.CurrentAsync(ct);
        return index.Suggest(text, Visibility, Math.Clamp(limit, 1, MaxSuggestions)).Select(ToItem).ToList();
    }

    private async Task<Outcome<FaqSearchResponse>> SearchAsync(FaqSearchInput input, FaqVisibility visibility, SearchSurface surface, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var page = input.Page ?? 1;
        var pageSize = input.PageSize ?? 10;
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", Messages.Format("FaqSearch.InvalidPage", MaxPage));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", Messages.Format("FaqSearch.InvalidPageSize", MaxPageSize));
        }

        var category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim();
        if (category is not null && categories.Find(category) is null)
        {
            errors.Add("category", Messages.Get("Faq.UnknownCategory"));
        }

        if (!errors.IsValid)
        {
            return Outcome<FaqSearchResponse>.Invalid(errors);
        }

        var query = input.Query ?? "";
        var index = await keeper.CurrentAsync(ct);
        var result = index.Search(new FaqIndexQuery(query, visibility, category, (page - 1) * pageSize, pageSize));
        var searchId = await log.RecordSearchAsync(surface, query, result.Total, ct);
        return new Outcome<FaqSearchResponse>(OutcomeKind.Ok, new FaqSearchResponse(
            searchId, query, result.Total, page, pageSize, result.Hits.Select(ToItem).ToList(), NoticesOf(result.Status, result.Notices, result.Total)));
    }

    private FaqSearchItem ToItem(FaqIndexHit hit)
    {
        var entry = hit.Entry;
        var questionMarks = hit.Question is { } q
            ? q.Highlights.Select(h => new HighlightRange(h.Start + q.SourceStart, h.Length)).ToList()
            : [];
        var snippet = hit.Answer is { } a ? new FaqSnippet(a.Text, a.Highlights, a.StartsInside, a.EndsInside) : Lead(FaqSearchIndex.PlainAnswer(entry.Summary.Length > 0 ? entry.Summary : entry.Answer));
        return new FaqSearchItem(entry.Id, entry.Question, questionMarks, Math.Round(hit.Score, 4), entry.Category, categories.Find(entry.Category)?.Name ?? entry.Category, entry.Audience, snippet);
    }

    private static FaqSnippet Lead(string text) =>
        text.Length <= 120 ? new FaqSnippet(text, [], false, false) : new FaqSnippet(text[..120], [], false, true);

    /// <summary>What the parser did with the query, in words for the searcher.</summary>
    public static IReadOnlyList<string> NoticesOf(QueryStatus status, QueryNotices notices, int total)
    {
        var messages = new List<string>();
        if (status == QueryStatus.Empty)
        {
            messages.Add(Messages.Get("FaqSearch.Empty"));
        }
        else if (status == QueryStatus.NoSearchableTerms)
        {
            messages.Add(Messages.Get("FaqSearch.NoSearchableTerms"));
        }

        if (notices.HasFlag(QueryNotices.Truncated) || notices.HasFlag(QueryNotices.TooManyTerms) || notices.HasFlag(QueryNotices.TermTooLong))
        {
            messages.Add(Messages.Get("FaqSearch.Shortened"));
        }

        if (notices.HasFlag(QueryNotices.UnbalancedQuotes) || notices.HasFlag(QueryNotices.UnbalancedParentheses))
        {
            messages.Add(Messages.Get("FaqSearch.Unbalanced"));
        }

        if (status == QueryStatus.Ok && total == 0)
        {
            messages.Add(Messages.Get("FaqSearch.NoResults"));
        }

        return messages;
    }
}
