using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Text.Search;

namespace Yorisoi.Core.Search;

/// <summary>
/// Case search and similar cases for the signed-in user. The index answers which cases match; the page's rows are then
/// read through the DbContext's center filter, so a result never shows a case the database would not (even in the
/// moment between a change and its indexing), and what is shown (status, business) is current.
/// </summary>
public sealed class CaseSearchService(CaseIndex index, YorisoiDbContext db, CodeListCatalog catalog, CaseService cases)
{
    public const int MaxPageSize = 100;

    /// <summary>Results can be paged this far; beyond it, a narrower query is the answer.</summary>
    public const int MaxResultWindow = 10_000;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> PrefectureNames = new(() =>
        DatabaseInitializer.ReadLocalGovernments().Where(g => g.Kind == LocalGovernmentKind.Prefecture)
            .ToDictionary(g => g.Code[..2], g => g.Name, StringComparer.Ordinal));

    private AccessScope Scope => db.Scope;

    public async Task<CaseSearchResult> SearchAsync(CaseSearchQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var filters = new Dictionary<string, IReadOnlyList<string>>(CaseVisibility.FilterFor(Scope), StringComparer.Ordinal);
        if (query.Status is { } status)
        {
            filters[CaseIndexSchema.Status] = [status.ToString()];
        }

        if (query.Product is { Length: > 0 } product)
        {
            filters[CaseIndexSchema.Product] = [product];
        }

        if (query.SalesForm is { Length: > 0 } salesForm)
        {
            filters[CaseIndexSchema.SalesForm] = [salesForm];
        }

        if (query.FiscalYear is { } year)
        {
            filters[CaseIndexSchema.FiscalYear] = [year.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        var empty = string.IsNullOrWhiteSpace(query.Q);
        var request = new SearchRequest
        {
            Query = query.Q,
            Filters = filters,
            MatchAllWhenEmpty = true,
            Offset = (page - 1) * pageSize,
            Limit = pageSize,
            SortBy = query.Sort == CaseSearchSort.Date || empty ? CaseIndexSchema.Received : null,
            Facets = CaseIndexSchema.Facets,
            Snippets = CaseIndexSchema.SnippetFields,
            FragmentLength = 100,
            MaxFragments = 1,
        };
        var building = index.IsBuilding;
        var result = index.Read(i => i.Search(request));
        var rows = await VisibleRowsAsync(result.Hits.Select(h => h.Id), ct);
        var hits = new List<CaseSearchHit>(result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            if (rows.TryGetValue(Guid.Parse(hit.Id), out var row))
            {
                hits.Add(new CaseSearchHit(row.Id, row.ReceiptNumber, hit.Score, row.ReceivedAt, row.Status, row.BusinessName, row.ProductName, row.CenterId == Scope.CenterId, hit.Snippets.Select(ToSnippet).ToList()));
            }
        }

        var notices = Notices(result.Status, result.Notices, empty);
        if (building)
        {
            notices.Add(Messages.Get("Search.Notice.Indexing"));
        }

        return new CaseSearchResult(
            Math.Max(0, result.TotalHits - (result.Hits.Count - hits.Count)), page, pageSize, hits, Facets(result.Facets), notices, building);
    }

    /// <summary>
    /// The cases most like one the user may see, among those the user may see, with the words they share. Null when the
    /// user may not see the case (another center's attempt is audited, as opening it would be).
    /// </summary>
    public async Task<SimilarCasesResult?> SimilarAsync(Guid caseId, int limit = 5, CancellationToken ct = default)
    {
        var source = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Summary }).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            await cases.RecordDeniedIfExistsAsync(caseId, ct);
            return null;
        }

        var log = await db.HandlingLogEntries.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.OccurredAt).Select(e => e.Text).ToListAsync(ct);
        return await SimilarAsync(string.Join('\n', [source.Summary, .. log]), caseId, limit, ct);
    }

    /// <summary>
    /// The top <paramref name="limit"/> cases the user may see that are like a free text, such as a narrative being typed
    /// on the case form (for FAQ candidates and similar cases beside it).
    /// </summary>
    public Task<SimilarCasesResult> SimilarToTextAsync(string? text, int limit = 5, CancellationToken ct = default) =>
        SimilarAsync(text, exclude: null, limit, ct);

    private async Task<SimilarCasesResult> SimilarAsync(string? text, Guid? exclude, int limit, CancellationToken ct)
    {
        limit = Math.Clamp(limit, 1, 50);
        var building = index.IsBuilding;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SimilarCasesResult([], [], building);
        }

        // A few more than asked for, in case the database has just taken one of them out of the user's sight.
        var similar = index.Read(i => i.MoreLikeThis(text, SimilarRequest(CaseVisibility.FilterFor(Scope), limit + 5, exclude)));
        var rows = await VisibleRowsAsync(similar.Hits.Select(h => h.Id), ct);
        var found = new List<SimilarCase>();
        foreach (var hit in similar.Hits)
        {
            if (found.Count < limit && rows.TryGetValue(Guid.Parse(hit.Id), out var row))
            {
                var common = hit.Snippets.SelectMany(s => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length))).Distinct(StringComparer.Ordinal).ToList();
                found.Add(new SimilarCase(row.Id, row.ReceiptNumber, hit.Score, row.ReceivedAt, row.Status, row.BusinessName, row.ProductName, row.CenterId == Scope.CenterId, common, hit.Snippets.Select(ToSnippet).ToList()));
            }
        }

        return new SimilarCasesResult(found, similar.Terms, building);
    }

    /// <summary>
    /// The index query for similar cases (public so the benchmark times exactly what the service runs). The narrative's
    /// words are weighed and searched in the narrative field only, and words found in more than
    /// <see cref="CommonWordShare"/> of the cases only add to the score of cases that share rarer ones: on a million cases
    /// those words (電話, 契約, 支払い) are most of the query's work and never decide which cases are alike.
    /// </summary>
    public static MoreLikeThisRequest SimilarRequest(IReadOnlyDictionary<string, IReadOnlyList<string>> visibility, int limit, Guid? exclude = null) => new()
    {
        Limit = limit,
        MaxQueryTerms = SimilarWords,
        ExcludeId = exclude?.ToString(),
        Filters = visibility,
        Fields = [CaseIndexSchema.Narrative],
        CommonTermShare = CommonWordShare,
        Snippets = [CaseIndexSchema.Narrative],
        FragmentLength = 100,
    };

    /// <summary>The narrative's most distinctive words a similar-case query is made of.</summary>
    public const int SimilarWords = 20;

    /// <summary>Share of the cases above which a word stops making a case a candidate (see <see cref="SimilarRequest"/>).</summary>
    public const double CommonWordShare = 0.05;

    private async Task<Dictionary<Guid, Row>> VisibleRowsAsync(IEnumerable<string> hitIds, CancellationToken ct)
    {
        var ids = hitIds.Select(Guid.Parse).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.ReceiptNumber, c.ReceivedAt, c.Status, BusinessName = c.Business.Name, c.ProductCode, c.CodeListVersion, c.CenterId })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new Row(r.Id, r.ReceiptNumber, r.ReceivedAt, r.Status, r.BusinessName, catalog.Get(r.CodeListVersion).NameOf(CodeListNames.Product, r.ProductCode), r.CenterId));
    }

    private static CaseSnippet ToSnippet(Snippet s) =>
        new(s.Field, s.Text, s.Highlights, s.StartsInside, s.EndsInside);

    private static List<string> Notices(QueryStatus status, QueryNotices notices, bool empty)
    {
        var messages = new List<string>();
        if (empty)
        {
            messages.Add(Messages.Get("Search.Notice.Empty"));
        }
        else if (status == QueryStatus.NoSearchableTerms)
        {
            messages.Add(Messages.Get("Search.Notice.NoSearchableTerms"));
        }

        foreach (var flag in Enum.GetValues<QueryNotices>())
        {
            if (flag != QueryNotices.None && notices.HasFlag(flag))
            {
                messages.Add(Messages.Get("Search.Notice." + flag));
            }
        }

        return messages;
    }

    private List<CaseSearchFacet> Facets(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets)
    {
        var codes = catalog.Current;
        var result = new List<CaseSearchFacet>();
        foreach (var field in CaseIndexSchema.Facets)
        {
            if (!facets.TryGetValue(field, out var values))
            {
                continue;
            }

            result.Add(new CaseSearchFacet(field, Messages.Get("Search.Facet." + field), values.Select(v => new CaseFacetValue(v.Value, field switch
            {
                CaseIndexSchema.Product1 or CaseIndexSchema.Product2 => codes.NameOf(CodeListNames.Product, v.Value),
                CaseIndexSchema.SalesForm => codes.NameOf(CodeListNames.SalesForm, v.Value),
                CaseIndexSchema.Keyword => codes.NameOf(CodeListNames.Keyword, v.Value),
                CaseIndexSchema.Prefecture => PrefectureNames.Value.GetValueOrDefault(v.Value),
                CaseIndexSchema.Status => Enum.TryParse<CaseStatus>(v.Value, out var s) ? Messages.Status(s) : null,
                CaseIndexSchema.FiscalYear => Messages.Format("Search.FiscalYear", v.Value),
                _ => null,
            } ?? v.Value, v.Count)).ToList()));
        }

        return result;
    }

    private sealed record Row(Guid Id, string ReceiptNumber, DateTimeOffset ReceivedAt, CaseStatus Status, string? BusinessName, string? ProductName, Guid CenterId);
}
