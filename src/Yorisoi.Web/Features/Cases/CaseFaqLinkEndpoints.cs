using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Cases;

public sealed record FaqLinkRequest(string? EntryId);

/// <summary>Knowledge-base entries a counselor linked to a case (one click from the FAQ candidates).</summary>
public static class CaseFaqLinkEndpoints
{
    public static IEndpointRouteBuilder MapCaseFaqLinkEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/faq-links").WithTags("Cases").RequireAuthorization(Policies.CaseWork)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<CaseFaqLinkItem>>, NotFound>> (Guid id, CaseService cases, CancellationToken ct) =>
                await cases.FaqLinksAsync(id, ct) is { } links ? TypedResults.Ok(links) : TypedResults.NotFound())
            .WithName("ListCaseFaqLinks")
            .WithSummary("The knowledge-base entries linked to a case, with the version that was live when each was linked.");

        group.MapPost("/", async (Guid id, FaqLinkRequest request, CaseService cases, CancellationToken ct) =>
                CaseEndpoints.ToResult(await cases.LinkFaqAsync(id, request.EntryId, ct)))
            .WithName("LinkCaseFaq")
            .WithSummary("Links a published entry the user may see to a case of their center; linking twice is one link. The case's version does not change.");

        group.MapDelete("/{entryId}", async (Guid id, string entryId, CaseService cases, CancellationToken ct) =>
                CaseEndpoints.ToResult(await cases.UnlinkFaqAsync(id, entryId, ct)))
            .WithName("UnlinkCaseFaq")
            .WithSummary("Removes the link between a case and an entry.");

        return app;
    }
}
