using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Search;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        // The same roles as the case list: search shows the cases the list would, found by their text.
        var group = app.MapGroup("/api").WithTags("Search").RequireAuthorization(Policies.CaseWork)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/search/cases", async Task<Results<Ok<CaseSearchResult>, ValidationProblem>> (
                [AsParameters] CaseSearchParameters p, CaseSearchService search, ISearchLog log, HttpContext http, CancellationToken ct) =>
            {
                if (p.ToQuery(http.Request.Query.Keys) is not { } query)
                {
                    return TypedResults.ValidationProblem(p.Errors(), title: Messages.Get("Api.InvalidInput"));
                }

                return TypedResults.Ok(await RecordAsync(log, query, await search.SearchAsync(query, ct), ct));
            })
            .WithName("SearchCases")
            .WithSummary("Full-text search of the cases the user's center may see (its own and those shared with it): total, hits with "
                + "id, receiptNumber, score and highlighted snippets, facets, and Japanese notices about the query. q uses the search syntax "
                + "(AND by default, OR, -word, \"phrase\", 事業者:…, 受付番号:…, 分類:…); an empty q lists newest first. Never personal data. "
                + "The search is logged (words masked for personal data, no user); its searchId, passed to GET /api/cases/{id}, records what was opened.");

        group.MapGet("/cases/{id:guid}/similar", async Task<Results<Ok<SimilarCasesResult>, NotFound, ValidationProblem>> (
                Guid id, string? limit, CaseSearchService search, CancellationToken ct) =>
            {
                var count = 5;
                if (limit is { Length: > 0 } && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 50))
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["limit"] = [Messages.Format("List.InvalidNumber", Messages.Get("Search.Limit"), 1, 50)] },
                        title: Messages.Get("Api.InvalidInput"));
                }

                return await search.SimilarAsync(id, count, ct) is { } similar ? TypedResults.Ok(similar) : TypedResults.NotFound();
            })
            .WithName("SimilarCases")
            .WithSummary("The cases most like this one among those the user may see, with the words they have in common.");

        return app;
    }

    /// <summary>
    /// Logs a search with words, on its first page (later pages and facet counts of the same words are not new searches),
    /// unless the index is still being built and its counts would mislead the search-gap report.
    /// </summary>
    public static async Task<CaseSearchResult> RecordAsync(ISearchLog log, CaseSearchQuery query, CaseSearchResult result, CancellationToken ct)
    {
        if (query.Page != 1 || string.IsNullOrWhiteSpace(query.Q) || result.IndexingInProgress)
        {
            return result;
        }

        return result with { SearchId = await log.RecordSearchAsync(SearchSurface.Cases, query.Q, result.Total, ct) };
    }
}

/// <summary>Query string of case search. Values arrive as strings so that a bad one is a 400 with a Japanese message, not a binding failure.</summary>
public sealed class CaseSearchParameters
{
    public string? Q { get; set; }

    public string? Status { get; set; }

    public string? Product { get; set; }

    public string? SalesForm { get; set; }

    public string? FiscalYear { get; set; }

    public string? Sort { get; set; }

    public string? Page { get; set; }

    public string? PageSize { get; set; }

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Known { get; } = ["q", "status", "product", "salesForm", "fiscalYear", "sort", "page", "pageSize"];

    public IDictionary<string, string[]> Errors() => _errors;

    public CaseSearchQuery? ToQuery(IEnumerable<string>? given = null)
    {
        _errors.Clear();
        QueryParameterRules.RefuseUnknown(given, Known, "Search.UnknownParameter", _errors);
        var status = QueryParameterRules.Status(Status, _errors);

        var sort = CaseSearchSort.Relevance;
        if (Sort is { Length: > 0 })
        {
            if (string.Equals(Sort, "date", StringComparison.OrdinalIgnoreCase))
            {
                sort = CaseSearchSort.Date;
            }
            else if (!string.Equals(Sort, "relevance", StringComparison.OrdinalIgnoreCase))
            {
                _errors["sort"] = [Messages.Get("Search.InvalidSort")];
            }
        }

        Code(Product, "product", "Search.Product");
        Code(SalesForm, "salesForm", "Search.SalesForm");
        var fiscalYear = Number(FiscalYear, "fiscalYear", Messages.Get("Search.FiscalYearLabel"), 1990, 2200);
        var page = Number(Page, "page", Messages.Get("List.Page"), 1, CaseSearchService.MaxResultWindow) ?? 1;
        var pageSize = Number(PageSize, "pageSize", Messages.Get("List.PageSize"), 1, CaseSearchService.MaxPageSize) ?? 20;
        if (!_errors.ContainsKey("page") && !_errors.ContainsKey("pageSize") && (long)page * pageSize > CaseSearchService.MaxResultWindow)
        {
            _errors["page"] = [Messages.Format("Search.PageTooDeep", CaseSearchService.MaxResultWindow.ToString("#,0", CultureInfo.InvariantCulture))];
        }

        return _errors.Count > 0 ? null : new CaseSearchQuery
        {
            Q = Q,
            Status = status,
            Product = Product is { Length: > 0 } ? Product.Trim() : null,
            SalesForm = SalesForm is { Length: > 0 } ? SalesForm.Trim() : null,
            FiscalYear = fiscalYear,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        };
    }

    private void Code(string? value, string key, string label)
    {
        if (value is { Length: > 16 })
        {
            _errors[key] = [Messages.Format("Search.InvalidCode", Messages.Get(label))];
        }
    }

    private int? Number(string? value, string key, string label, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        _errors[key] = [Messages.Format("List.InvalidNumber", label, min, max)];
        return null;
    }
}
