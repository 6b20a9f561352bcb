using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Resources;
using Yorisoi.Web.Features.Knowledge;

namespace Yorisoi.Web.Features.Assistance;

/// <param name="Document">The whole catalog; omitted, the draft is a copy of the version in use under the next label.</param>
/// <param name="Note">What the draft changes and why (the approver completes it when publishing).</param>
public sealed record CreateChecklistVersionRequest(ChecklistDocument? Document, string? Note);

/// <param name="Revision">The draft's revision as loaded; a save over a newer one is refused (409).</param>
public sealed record UpdateChecklistVersionRequest(int? Revision, ChecklistDocument? Document, string? Note);

/// <param name="Note">What changed and why, kept with the version.</param>
public sealed record PublishChecklistVersionRequest(string? Note);

/// <summary>
/// The checklists of Q出し as data in the database: the version in use for every signed-in staff member, the versions
/// and their differences, drafts for the national center's FAQ editors and publication for its FAQ approvers (the
/// knowledge base's roles, <see cref="KnowledgePolicies"/>).
/// </summary>
public static class ChecklistEndpoints
{
    public static IEndpointRouteBuilder MapChecklistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assist/checklists").WithTags("Assistance").RequireAuthorization(KnowledgePolicies.Read)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", async Task<Ok<ChecklistCurrent>> (ChecklistVersionService service, CancellationToken ct) => TypedResults.Ok(await service.CurrentAsync(ct)))
            .WithName("GetCurrentChecklists")
            .WithSummary("The checklist catalog in use (Q出し): its version label, its database id (null while the shipped file is in use) and every checklist with its conditions (sales forms, products, keywords, age bands, harms) and items, each naming the case field that ticks it off.");

        group.MapGet("/versions", async Task<Ok<ChecklistVersionList>> (ChecklistVersionService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListChecklistVersions")
            .WithSummary("Every checklist version in the database, newest first (drafts and published ones, who made and published each, the change note), the version in use and the label of the shipped file.");

        group.MapGet("/versions/{id:long}", async Task<Results<Ok<ChecklistVersionDetail>, NotFound>> (long id, ChecklistVersionService service, HttpContext http, CancellationToken ct) =>
                await service.GetAsync(id, KnowledgePolicies.Rights(http.User), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithName("GetChecklistVersion")
            .WithSummary("One version with its document, the difference from the previous version per checklist (added, removed, changed with what changed) and the actions the user may take.");

        group.MapPost("/versions", async Task<Results<Created<ChecklistVersionDetail>, ValidationProblem, ProblemHttpResult>> (
                [FromBody] CreateChecklistVersionRequest? request, ChecklistVersionService service, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await service.CreateDraftAsync(request?.Document, request?.Note, KnowledgePolicies.Rights(http.User), ct);
                return outcome.Kind == OutcomeKind.Created
                    ? TypedResults.Created($"/api/assist/checklists/versions/{outcome.Value!.Version.Id}", outcome.Value)
                    : Refusal(outcome);
            })
            .RequireAuthorization(KnowledgePolicies.Edit)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateChecklistDraft")
            .WithSummary("Starts a draft from the version in use: the document given (an import; an empty or unchanged version label gets the next free one), or a copy of the version in use. The document is validated as a whole (400 with an error per field). National-center FAQ editors only.");

        group.MapPut("/versions/{id:long}", async Task<Results<Ok<ChecklistVersionDetail>, NotFound, ValidationProblem, ProblemHttpResult>> (
                long id, UpdateChecklistVersionRequest request, ChecklistVersionService service, HttpContext http, CancellationToken ct) =>
            {
                if (request.Document is null)
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["Document"] = [Messages.Get("Checklist.DocumentRequired")] }, title: Messages.Get("Api.InvalidInput"));
                }

                return ToResult(await service.UpdateDraftAsync(id, request.Revision, request.Document, request.Note, KnowledgePolicies.Rights(http.User), ct));
            })
            .RequireAuthorization(KnowledgePolicies.Edit)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateChecklistDraft")
            .WithSummary("Saves a draft's whole document (validated as on creation); 409 for a published version or when `revision` is not the draft's current one. National-center FAQ editors only.");

        group.MapPost("/versions/{id:long}/publish", async Task<Results<Ok<ChecklistVersionDetail>, NotFound, ValidationProblem, ProblemHttpResult>> (
                long id, [FromBody] PublishChecklistVersionRequest? request, ChecklistVersionService service, HttpContext http, CancellationToken ct) =>
                ToResult(await service.PublishAsync(id, request?.Note, KnowledgePolicies.Rights(http.User), ct)))
            .RequireAuthorization(KnowledgePolicies.Approve)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("PublishChecklistVersion")
            .WithSummary("Makes a draft the version in use on every host (within a few seconds), with a required change note. National-center FAQ approvers only, never one who wrote the draft; 409 if another version was published after the draft was started.");

        return app;
    }

    private static Results<Ok<ChecklistVersionDetail>, NotFound, ValidationProblem, ProblemHttpResult> ToResult(Outcome<ChecklistVersionDetail> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: outcome.Message),
    };

    private static Results<Created<ChecklistVersionDetail>, ValidationProblem, ProblemHttpResult> Refusal(Outcome<ChecklistVersionDetail> outcome) => outcome.Kind switch
    {
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: outcome.Message),
    };
}
