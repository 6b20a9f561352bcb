using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Resources;

namespace Yorisoi.Web.Features.Knowledge;

public sealed record FaqFeedbackRequest([property: JsonRequired] bool Helpful, string? Comment, long? SearchId);

public sealed record UpdateFaqRequest(int? Version, FaqInput? Entry);

public sealed record FaqTransitionRequest(int? Version, string? Comment);

public static class KnowledgeEndpoints
{
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var faq = app.MapGroup("/api/faq").WithTags("FAQ").AllowAnonymous();

        faq.MapGet("/categories", (FaqPublicService service) => TypedResults.Ok(service.Categories))
            .WithName("ListFaqCategories")
            .WithSummary("FAQ categories in display order, with their plain-Japanese and English names.");

        faq.MapGet("/search", async Task<Results<Ok<FaqSearchResponse>, ValidationProblem>> (
                [AsParameters] FaqSearchParameters p, FaqSearchService service, CancellationToken ct) =>
                p.ToInput() is { } input
                    ? ToSearchResult(await service.PublicSearchAsync(input, ct))
                    : TypedResults.ValidationProblem(p.Errors, title: Messages.Get("Api.InvalidInput")))
            .WithName("SearchPublicFaq")
            .WithSummary("Searches the published public FAQ (public entries only, whoever asks): id, question, score, category and a snippet with highlight ranges per result, Japanese notices about the query, and the search id to pass when opening or rating an entry.");

        faq.MapGet("/{id}", async Task<Results<Ok<PublicFaq>, NotFound>> (string id, string? searchId, FaqPublicService service, ISearchLog log, CancellationToken ct) =>
            {
                if (await service.GetAsync(id, countView: true, ct) is not { } entry)
                {
                    return TypedResults.NotFound();
                }

                await SearchLogWriter.RecordOpenedAsync(log, searchId, id, null, ct);
                return TypedResults.Ok(entry);
            })
            .WithName("GetPublicFaq")
            .WithSummary("A published public FAQ entry (its live version, answer as sanitised HTML). Counts a view; with searchId, records the entry as opened from that search.");

        faq.MapPost("/{id}/feedback", async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> (
                string id, FaqFeedbackRequest request, FaqPublicService service, FeedbackThrottle throttle, HttpContext http, CancellationToken ct) =>
            {
                if (!throttle.TryAcquire(http.Connection.RemoteIpAddress, id, out var retryAfter))
                {
                    if (retryAfter is { } wait)
                    {
                        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Messages.Get("Faq.TooManyRequests"));
                }

                var outcome = await service.FeedbackAsync(id, request.Helpful, request.Comment, request.SearchId, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.NoContent(),
                    OutcomeKind.NotFound => TypedResults.NotFound(),
                    _ => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
                };
            })
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SendFaqFeedback")
            .WithSummary("「役に立ちましたか」: helpful yes/no and an optional comment (phone numbers, e-mail addresses and the like are masked). Rate-limited per client.");

        var staff = app.MapGroup("/api/knowledge").WithTags("Knowledge").RequireAuthorization(KnowledgePolicies.Read);

        staff.MapGet("/entries", async Task<Results<Ok<IReadOnlyList<FaqListItem>>, ValidationProblem>> (
                [AsParameters] FaqListParameters p, KnowledgeService service, CancellationToken ct) =>
                p.ToQuery() is { } query
                    ? TypedResults.Ok(await service.ListAsync(query, ct))
                    : TypedResults.ValidationProblem(p.Errors, title: Messages.Get("Api.InvalidInput")))
            .WithName("ListKnowledgeEntries")
            .WithSummary("National entries and the own center's local entries, filtered by audience, state of the latest version, category, owner and overdue review.");

        staff.MapPost("/entries", async Task<Results<Created<FaqEntryDetail>, NotFound, ValidationProblem, ProblemHttpResult>> (
                FaqInput input, KnowledgeService service, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await service.CreateAsync(input, KnowledgePolicies.Rights(http.User), ct);
                return outcome.Kind == OutcomeKind.Created
                    ? TypedResults.Created($"/api/knowledge/entries/{outcome.Value!.Id}", outcome.Value)
                    : Narrow(ToResult(outcome));
            })
            .RequireAuthorization(KnowledgePolicies.Edit)
            .WithName("CreateKnowledgeEntry")
            .WithSummary("Creates a draft (version 1). National-center editors create national entries; other centers' editors local internal ones.");

        staff.MapGet("/entries/{id}", async Task<Results<Ok<FaqEntryDetail>, NotFound>> (string id, KnowledgeService service, HttpContext http, CancellationToken ct) =>
                await service.GetAsync(id, KnowledgePolicies.Rights(http.User), ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .WithName("GetKnowledgeEntry")
            .WithSummary("An entry with its latest and live versions and the actions the user may take.");

        staff.MapPut("/entries/{id}", async Task<Results<Ok<FaqEntryDetail>, NotFound, ValidationProblem, ProblemHttpResult>> (
                string id, UpdateFaqRequest request, KnowledgeService service, HttpContext http, CancellationToken ct) =>
                request.Entry is null
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Entry"] = [Messages.Get("Api.InvalidInput")] }, title: Messages.Get("Api.InvalidInput"))
                    : ToResult(await service.UpdateAsync(id, request.Entry, request.Version, KnowledgePolicies.Rights(http.User), ct)))
            .RequireAuthorization(KnowledgePolicies.Edit)
            .WithName("UpdateKnowledgeEntry")
            .WithSummary("Edits the draft, or starts a new draft version of a published entry (the live version stays until the new one is published).");

        MapTransition(staff, "submit", KnowledgePolicies.Edit, "SubmitKnowledgeEntry", "Asks for review of the draft (作成中 → 確認待ち).",
            (s, id, r, rights, ct) => s.SubmitAsync(id, r?.Version, r?.Comment, rights, ct));
        MapTransition(staff, "return", KnowledgePolicies.Approve, "ReturnKnowledgeEntry", "Sends a version in review or approved back to draft.",
            (s, id, r, rights, ct) => s.ReturnAsync(id, r?.Version, r?.Comment, rights, ct));
        MapTransition(staff, "approve", KnowledgePolicies.Approve, "ApproveKnowledgeEntry", "Approves the version in review; 409 if the approver wrote or edited it.",
            (s, id, r, rights, ct) => s.ApproveAsync(id, r?.Version, r?.Comment, rights, ct));
        MapTransition(staff, "publish", KnowledgePolicies.Approve, "PublishKnowledgeEntry", "Publishes the approved version; the previous live version becomes 旧版.",
            (s, id, r, rights, ct) => s.PublishAsync(id, r?.Version, r?.Comment, rights, ct));
        MapTransition(staff, "retire", KnowledgePolicies.Approve, "RetireKnowledgeEntry", "Takes a published entry off the portal and staff lists (公開終了).",
            (s, id, r, rights, ct) => s.RetireAsync(id, r?.Version, r?.Comment, rights, ct));
        MapTransition(staff, "restore", KnowledgePolicies.Approve, "RestoreKnowledgeEntry", "Publishes a retired entry's last live version again.",
            (s, id, r, rights, ct) => s.RestoreAsync(id, r?.Version, r?.Comment, rights, ct));

        staff.MapGet("/entries/{id}/versions", async Task<Results<Ok<IReadOnlyList<FaqVersionSummary>>, NotFound>> (string id, KnowledgeService service, CancellationToken ct) =>
                await service.VersionsAsync(id, ct) is { } versions ? TypedResults.Ok(versions) : TypedResults.NotFound())
            .WithName("ListKnowledgeEntryVersions")
            .WithSummary("Every version, newest first, with who did what and when.");

        staff.MapGet("/entries/{id}/diff", async Task<Results<Ok<FaqVersionDiff>, NotFound, ValidationProblem>> (
                string id, int from, int to, KnowledgeService service, CancellationToken ct) =>
            {
                var outcome = await service.DiffAsync(id, from, to, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
                    OutcomeKind.NotFound => TypedResults.NotFound(),
                    _ => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
                };
            })
            .WithName("DiffKnowledgeEntryVersions")
            .WithSummary("Field-by-field comparison of two versions, the answer line by line.");

        staff.MapGet("/search", async Task<Results<Ok<FaqSearchResponse>, ValidationProblem>> (
                [AsParameters] FaqSearchParameters p, FaqSearchService service, CancellationToken ct) =>
                p.ToInput() is { } input
                    ? ToSearchResult(await service.StaffSearchAsync(input, ct))
                    : TypedResults.ValidationProblem(p.Errors, title: Messages.Get("Api.InvalidInput")))
            .WithName("SearchKnowledge")
            .WithSummary("Searches the published entries the user may see: public and internal national entries and the own center's local ones.");

        staff.MapGet("/review-due", async (KnowledgeReports reports, CancellationToken ct) => TypedResults.Ok(await reports.ReviewDueAsync(ct)))
            .RequireAuthorization(KnowledgePolicies.Report)
            .WithName("ListKnowledgeReviewDue")
            .WithSummary("Entries whose review date has passed, oldest first.");

        staff.MapGet("/stats", async (string? entryId, KnowledgeReports reports, CancellationToken ct) => TypedResults.Ok(await reports.StatsAsync(entryId, ct)))
            .RequireAuthorization(KnowledgePolicies.Report)
            .WithName("GetKnowledgeStats")
            .WithSummary("Views and helpfulness per entry and version.");

        staff.MapGet("/search-gaps", async (int? days, int? limit, KnowledgeReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.SearchGapsAsync(days ?? 90, limit ?? 20, ct)))
            .RequireAuthorization(KnowledgePolicies.Report)
            .WithName("GetKnowledgeSearchGaps")
            .WithSummary("The most frequent zero-result and low-satisfaction searches: candidates for new entries.");

        return app;
    }

    private static Results<Ok<FaqSearchResponse>, ValidationProblem> ToSearchResult(Outcome<FaqSearchResponse> outcome) =>
        outcome.Kind == OutcomeKind.Ok
            ? TypedResults.Ok(outcome.Value!)
            : TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput"));

    private static void MapTransition(
        RouteGroupBuilder group, string action, string policy, string name, string summary,
        Func<KnowledgeService, string, FaqTransitionRequest?, KnowledgeRights, CancellationToken, Task<Outcome<FaqEntryDetail>>> apply) =>
        group.MapPost("/entries/{id}/" + action, async Task<Results<Ok<FaqEntryDetail>, NotFound, ValidationProblem, ProblemHttpResult>> (
                string id, [FromBody] FaqTransitionRequest? request, KnowledgeService service, HttpContext http, CancellationToken ct) =>
                ToResult(await apply(service, id, request, KnowledgePolicies.Rights(http.User), ct)))
            .RequireAuthorization(policy)
            .WithName(name)
            .WithSummary(summary);

    private static Results<Ok<FaqEntryDetail>, NotFound, ValidationProblem, ProblemHttpResult> ToResult(Outcome<FaqEntryDetail> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok or OutcomeKind.Created => TypedResults.Ok(outcome.Value!),
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
        OutcomeKind.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: outcome.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: outcome.Message),
    };

    private static Results<Created<FaqEntryDetail>, NotFound, ValidationProblem, ProblemHttpResult> Narrow(
        Results<Ok<FaqEntryDetail>, NotFound, ValidationProblem, ProblemHttpResult> result) => result.Result switch
    {
        NotFound n => n,
        ValidationProblem v => v,
        ProblemHttpResult p => p,
        _ => throw new InvalidOperationException("A refused creation has no entry to return."),
    };
}

/// <summary>Query string of the FAQ searches; strings, so that a bad number is a 400 with a Japanese message.</summary>
public sealed class FaqSearchParameters
{
    public string? Q { get; set; }

    public string? Category { get; set; }

    public string? Page { get; set; }

    public string? PageSize { get; set; }

    [JsonIgnore]
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public FaqSearchInput? ToInput()
    {
        Errors.Clear();
        var page = Number(Page, "page", Messages.Format("FaqSearch.InvalidPage", FaqSearchService.MaxPage));
        var pageSize = Number(PageSize, "pageSize", Messages.Format("FaqSearch.InvalidPageSize", FaqSearchService.MaxPageSize));
        return Errors.Count > 0 ? null : new FaqSearchInput(Q, Category, page, pageSize);
    }

    private int? Number(string? text, string name, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Errors[name] = [message];
        return null;
    }
}

/// <summary>Query string of the entry list; strings, so a bad value is a 400 with a Japanese message.</summary>
public sealed class FaqListParameters
{
    public string? Audience { get; set; }

    public string? State { get; set; }

    public string? Category { get; set; }

    public string? Owner { get; set; }

    public string? Overdue { get; set; }

    [JsonIgnore]
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public FaqListQuery? ToQuery()
    {
        Errors.Clear();
        FaqAudience? audience = null;
        if (Audience is { Length: > 0 })
        {
            if (Enum.TryParse<FaqAudience>(Audience, ignoreCase: true, out var a) && !int.TryParse(Audience, out _))
            {
                audience = a;
            }
            else
            {
                Errors["audience"] = [Messages.Get("Faq.InvalidAudience")];
            }
        }

        FaqVersionState? state = null;
        if (State is { Length: > 0 })
        {
            if (Enum.TryParse<FaqVersionState>(State, ignoreCase: true, out var s) && !int.TryParse(State, out _))
            {
                state = s;
            }
            else
            {
                Errors["state"] = [Messages.Get("Faq.InvalidState")];
            }
        }

        if (Owner is { Length: > 0 } and not ("national" or "own"))
        {
            Errors["owner"] = [Messages.Get("Faq.InvalidOwner")];
        }

        var overdue = false;
        if (Overdue is { Length: > 0 } && !bool.TryParse(Overdue, out overdue))
        {
            Errors["overdue"] = [Messages.Get("Faq.InvalidOverdue")];
        }

        return Errors.Count > 0 ? null : new FaqListQuery { Audience = audience, State = state, Category = Category, Owner = Owner, ReviewOverdue = overdue };
    }
}
