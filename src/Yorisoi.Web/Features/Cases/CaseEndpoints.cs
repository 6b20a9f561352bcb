using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Resources;
using Yorisoi.Core.Security;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Cases;

// Required so that a body without them is a 400, not an edit of version 0 or a silent "Start".
public sealed record UpdateCaseRequest([property: JsonRequired] int Version, CaseInput? Case);

public sealed record TransitionRequest([property: JsonRequired] CaseAction Action, string? Comment, int? Version);

public sealed record EndMediationRequest(MediationOutcome Outcome, long? AmountRelieved);

public sealed record RepeatConsumerSearch(string? Phone, Guid? ExcludeCaseId);

public sealed record ShareRequest(Guid CenterId, string? Reason);

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.CaseWork)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", async ([AsParameters] CaseListParameters p, CaseService cases, HttpContext http, CancellationToken ct) =>
            {
                if (p.ToQuery(http.Request.Query.Keys) is not { } query)
                {
                    return (Results<Ok<PagedResult<CaseListItem>>, ValidationProblem>)TypedResults.ValidationProblem(p.Errors(), title: Messages.Get("Api.InvalidInput"));
                }

                return TypedResults.Ok(await cases.ListAsync(query, ct));
            })
            .WithName("ListCases")
            .WithSummary("The center's cases, filtered, sorted and paged (no personal data). receiptNumber finds one case by its 受付番号; an unknown parameter is a 400.");

        group.MapPost("/", async Task<Results<Created<CaseDetail>, Ok<CaseDetail>, ValidationProblem>> (
                CaseInput input, [FromHeader(Name = "Idempotency-Key")] Guid? idempotencyKey, CaseService cases, CancellationToken ct) =>
            {
                var outcome = await cases.RegisterAsync(input, idempotencyKey, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Created => TypedResults.Created($"/api/cases/{outcome.Value!.Id}", outcome.Value),
                    OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
                    _ => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
                };
            })
            .WithName("RegisterCase")
            .WithSummary("Registers a case. Send an Idempotency-Key header so a retried request creates one case.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<CaseDetail>, NotFound>> (Guid id, string? searchId, CaseService cases, ISearchLog log, CancellationToken ct) =>
            {
                if (await cases.GetAsync(id, ct) is not { } detail)
                {
                    return TypedResults.NotFound();
                }

                await SearchLogWriter.RecordOpenedAsync(log, searchId, null, id, ct);
                return TypedResults.Ok(detail);
            })
            .WithName("GetCase")
            .WithSummary("A case with its handling log, without personal contact details. With the searchId of a case search, records the case as opened from it.");

        group.MapGet("/{id:guid}/personal-data", async Task<Results<Ok<CasePersonalData>, NotFound>> (Guid id, CaseService cases, CancellationToken ct) =>
                await cases.GetPersonalDataAsync(id, ct) is { } data ? TypedResults.Ok(data) : TypedResults.NotFound())
            .WithName("GetCasePersonalData")
            .WithSummary("Contact details of the person consulting and the contract party. Every call is audited.");

        group.MapPut("/{id:guid}", async (Guid id, UpdateCaseRequest request, CaseService cases, CancellationToken ct) =>
                request.Case is null
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Case"] = [Messages.Error("Required", "Case")] }, title: Messages.Get("Api.InvalidInput"))
                    : ToResult(await cases.UpdateAsync(id, request.Version, request.Case, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateCase")
            .WithSummary("Updates a case. The version must be the one read; otherwise 409 with the current case.");

        group.MapPost("/{id:guid}/handling-log", async (Guid id, HandlingLogInput input, CaseService cases, CancellationToken ct) =>
                ToResult(await cases.AddHandlingLogAsync(id, input, HandlingLogKind.Handling, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddHandlingLogEntry")
            .WithSummary("Appends a handling log entry (処理経過).");

        group.MapPost("/{id:guid}/mediation/start", async (Guid id, CaseService cases, CancellationToken ct) =>
                ToResult(await cases.StartMediationAsync(id, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartMediation")
            .WithSummary("Starts mediation (あっせん) with the business.");

        group.MapPost("/{id:guid}/mediation/entries", async (Guid id, HandlingLogInput input, CaseService cases, CancellationToken ct) =>
                ToResult(await cases.AddHandlingLogAsync(id, input, HandlingLogKind.Mediation, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddMediationEntry")
            .WithSummary("Appends a dated mediation entry.");

        group.MapPost("/{id:guid}/mediation/end", async (Guid id, EndMediationRequest request, CaseService cases, CancellationToken ct) =>
                ToResult(await cases.EndMediationAsync(id, request.Outcome, request.AmountRelieved, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EndMediation")
            .WithSummary("Ends mediation as resolved (あっせん解決) or failed (あっせん不調).");

        group.MapPost("/{id:guid}/transitions", async (Guid id, TransitionRequest request, CaseService cases, HttpContext http, CancellationToken ct) =>
                ToResult(await cases.TransitionAsync(id, request.Action, request.Comment, Roles.Approvers.Any(http.User.IsInRole), request.Version, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("TransitionCase")
            .WithSummary("Moves a case through 受付 → 対応中 → 決裁待ち → 完了; approve, return and reopen are for approvers. "
                + "決裁依頼 and 決裁 need 処理結果, a 処理経過 entry, 商品・役務分類 and 販売購入形態: otherwise 422 listing what is missing.");

        group.MapPost("/{id:guid}/shares", async (Guid id, ShareRequest request, CaseService cases, CancellationToken ct) =>
                ToResult(await cases.ShareAsync(id, request.CenterId, request.Reason, ct)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ShareCase")
            .WithSummary("Shares a case with another center for wide-area work (needs the consumer's consent).");

        group.MapGet("/{id:guid}/history", async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> (
                Guid id, bool? includePersonal, CaseService cases, CancellationToken ct) =>
                await cases.TimelineAsync(id, includePersonal == true, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound())
            .WithName("GetCaseHistory")
            .WithSummary("Every change of the case: who, when, old and new value. Personal values are masked unless includePersonal=true (audited).");

        // A POST, so the phone number travels in the body and never appears in URLs, access logs or proxies.
        app.MapPost("/api/repeat-consumers/search", async Task<Results<Ok<IReadOnlyList<RepeatConsumerMatch>>, ValidationProblem>> (
                RepeatConsumerSearch request, CaseService cases, CancellationToken ct) =>
            {
                if (CaseValidator.NormalizePhone(request.Phone) is null)
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["Phone"] = [Messages.Error("InvalidPhone", "Consultant.Phone")] },
                        title: Messages.Get("Api.InvalidInput"));
                }

                return TypedResults.Ok(await cases.FindRepeatConsumerAsync(request.Phone, request.ExcludeCaseId, ct));
            })
            .WithTags("Cases")
            .RequireAuthorization(Policies.CaseWork)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("FindRepeatConsumer")
            .WithSummary("Earlier cases of this phone number in the user's own center.");

        return app;
    }

    /// <summary>How an outcome of the case service answers over HTTP, for every case endpoint.</summary>
    internal static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> ToResult<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok or OutcomeKind.Created => TypedResults.Ok(outcome.Value!),
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary(), title: Messages.Get("Api.InvalidInput")),
        OutcomeKind.Conflict => TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = outcome.Message,
            Extensions = { ["current"] = outcome.Value },
        }),
        OutcomeKind.Incomplete => TypedResults.Problem(new HttpValidationProblemDetails(outcome.Errors!.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = outcome.Message,
            Detail = string.Join(" ", outcome.Errors!.ToDictionary().Values.SelectMany(m => m)),
        }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: outcome.Message),
    };
}

/// <summary>Query string of the case list. Values arrive as strings so that a bad one is a 400 with a Japanese message, not a binding failure.</summary>
public sealed class CaseListParameters
{
    public string? Status { get; set; }

    public string? ReceivedFrom { get; set; }

    public string? ReceivedTo { get; set; }

    public string? ProductCode { get; set; }

    public string? SalesFormCode { get; set; }

    public string? AssigneeId { get; set; }

    public string? BusinessName { get; set; }

    public string? ReceiptNumber { get; set; }

    public string? Scope { get; set; }

    public string? Sort { get; set; }

    public string? Page { get; set; }

    public string? PageSize { get; set; }

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors() => _errors;

    /// <summary>The query string names this list understands; anything else would otherwise be ignored and return every case.</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["status", "receivedFrom", "receivedTo", "productCode", "salesFormCode", "assigneeId", "businessName", "receiptNumber", "scope", "sort", "page", "pageSize"];

    public CaseListQuery? ToQuery(IEnumerable<string>? given = null)
    {
        _errors.Clear();
        QueryParameterRules.RefuseUnknown(given, Known, "List.UnknownParameter", _errors);
        var status = QueryParameterRules.Status(Status, _errors);

        var from = Date(ReceivedFrom, "receivedFrom", Messages.Get("List.ReceivedFrom"));
        var to = Date(ReceivedTo, "receivedTo", Messages.Get("List.ReceivedTo"));
        if (from > to)
        {
            _errors["receivedTo"] = [Messages.Get("List.DateOrder")];
        }

        Guid? assignee = null;
        if (AssigneeId is { Length: > 0 })
        {
            if (Guid.TryParse(AssigneeId, out var a))
            {
                assignee = a;
            }
            else
            {
                _errors["assigneeId"] = [Messages.Get("List.InvalidAssignee")];
            }
        }

        var page = Number(Page, "page", Messages.Get("List.Page"), 1, 1_000_000) ?? 1;
        var pageSize = Number(PageSize, "pageSize", Messages.Get("List.PageSize"), 1, 200) ?? 50;
        if (Scope is { Length: > 0 } and not ("own" or "shared"))
        {
            _errors["scope"] = [Messages.Get("List.InvalidScope")];
        }

        if (Sort is { Length: > 0 } && !CaseListSorts.All.Contains(Sort))
        {
            _errors["sort"] = [Messages.Get("List.InvalidSort")];
        }

        if (BusinessName is { Length: > 200 })
        {
            _errors["businessName"] = [Messages.Get("List.BusinessNameTooLong")];
        }

        if (ReceiptNumber is { Length: > 30 })
        {
            _errors["receiptNumber"] = [Messages.Get("List.ReceiptNumberTooLong")];
        }

        return _errors.Count > 0 ? null : new CaseListQuery
        {
            Status = status,
            ReceivedFrom = from,
            ReceivedTo = to,
            ProductCode = ProductCode,
            SalesFormCode = SalesFormCode,
            AssigneeId = assignee,
            BusinessName = BusinessName,
            ReceiptNumber = ReceiptNumber,
            Scope = Scope,
            Sort = Sort,
            Page = page,
            PageSize = pageSize,
        };
    }

    private DateOnly? Date(string? value, string key, string label)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) && RequestInput.IsPlausibleDate(d))
        {
            return d;
        }

        _errors[key] = [Messages.Format("List.InvalidDate", label)];
        return null;
    }

    private int? Number(string? value, string key, string label, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        _errors[key] = [Messages.Format("List.InvalidNumber", label, min, max)];
        return null;
    }
}
