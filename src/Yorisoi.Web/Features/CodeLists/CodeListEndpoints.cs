using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Features.CodeLists;

public sealed record CodeItemDto(string Code, string Name, string Path, string? ParentCode, bool IsLeaf, IReadOnlyList<string> Synonyms);

public sealed record CodeListDto(string Name, string Version, int ItemCount, bool IsHierarchical);
public sealed record PostalCodeLookup(string? Code);

public sealed record CenterDto(Guid Id, string Code, string Name, string Kind, string PrefectureCode, bool IsDemo);

public static class CodeListEndpoints
{
    public static IEndpointRouteBuilder MapCodeListEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Reference data").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/code-lists", Results<Ok<IReadOnlyList<CodeListDto>>, NotFound> (string? version, CodeListCatalog catalog) =>
            {
                if (version is not null && catalog.Versions.All(v => v.Version != version))
                {
                    return TypedResults.NotFound();
                }

                var codes = catalog.Get(version);
                return TypedResults.Ok<IReadOnlyList<CodeListDto>>(codes.ListNames.Select(name =>
                {
                    var items = codes.Items(name);
                    return new CodeListDto(name, codes.Version, items.Count, items.Any(i => i.ParentCode is not null));
                }).ToList());
            })
            .WithName("ListCodeLists")
            .WithSummary("The code lists of a version (default: the current one): name, version, number of items, and whether items have parents.");

        group.MapGet("/code-lists/{list}", Results<Ok<IReadOnlyList<CodeItemDto>>, NotFound> (string list, string? q, string? version, int? limit, CodeListCatalog catalog, CodeListSuggester suggester) =>
            {
                var codes = catalog.Get(version);
                if (!codes.HasList(list))
                {
                    return TypedResults.NotFound();
                }

                var items = suggester.Suggest(codes, list, q, Math.Clamp(limit ?? 50, 1, 500));
                return TypedResults.Ok<IReadOnlyList<CodeItemDto>>(items.Select(i => new CodeItemDto(i.Code, i.Name, i.Path, i.ParentCode, i.IsLeaf, i.Synonyms)).ToList());
            })
            .WithName("SearchCodeList")
            .WithSummary("Codes of one list matching q, best first: by code, name, reading (ていき finds 定期購入), synonyms or group name; width- and kana-insensitive. Without q, the list in order.");

        group.MapGet("/centers", async (YorisoiDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Centers.AsNoTracking().OrderBy(c => c.Code)
                    .Select(c => new CenterDto(c.Id, c.Code, c.Name, c.Kind.ToString(), c.PrefectureCode, c.IsDemo)).ToListAsync(ct)))
            .WithName("ListCenters")
            .WithSummary("All consumer centers (for sharing a case).");

        group.MapGet("/municipalities", async (string? q, YorisoiDbContext db, CancellationToken ct) =>
            {
                var query = db.LocalGovernments.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(q))
                {
                    query = query.Where(g => g.Name.Contains(q) || g.Reading.Contains(q) || g.Code.StartsWith(q));
                }

                return TypedResults.Ok(await query.OrderBy(g => g.Code).Take(50).Select(g => new { g.Code, g.Name, g.Reading, Kind = g.Kind.ToString(), g.PrefectureCode }).ToListAsync(ct));
            })
            .WithName("SearchMunicipalities")
            .WithSummary("Prefectures, municipalities and wards by name, reading or code prefix.");

        // A POST, so the postal code (part of a consumer's address) travels in the body and never appears in URLs or access logs.
        group.MapPost("/postal-codes/lookup", Results<Ok<IReadOnlyList<PostalAddress>>, ValidationProblem> (PostalCodeLookup request, PostalCodeDirectory postalCodes) =>
                CaseValidator.NormalizePostalCode(request.Code) is null
                    ? TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["code"] = [Messages.Error("InvalidPostalCode", "PostalCode")] },
                        title: Messages.Get("Api.InvalidInput"))
                    : TypedResults.Ok(postalCodes.Lookup(request.Code)))
            .WithName("LookupPostalCode")
            .WithSummary("Municipality (or ward) and town of a 7-digit postal code (1000001, 100-0001, full-width, 〒 accepted); an unknown code gives an empty list.");
        return app;
    }
}
