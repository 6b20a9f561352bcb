using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Assistance;
using Yorisoi.Core.Assistance.Checks;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Resources;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Assistance;

/// <param name="Text">The narrative (相談概要) as typed so far.</param>
/// <param name="Case">The case's fields as typed so far; every one optional.</param>
public sealed record AssistSuggestionRequest(string? Text, AssistCaseFields? Case);

public static class AssistanceEndpoints
{
    public static IEndpointRouteBuilder MapAssistanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assist/suggestions", async Task<Results<Ok<AssistSuggestionResult>, ValidationProblem>> (
                AssistSuggestionRequest request, CaseAssistant assistant, CodeListCatalog catalog, CancellationToken ct) =>
            {
                var errors = Validate(request, catalog.Current);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: Messages.Get("Api.InvalidInput"));
                }

                return TypedResults.Ok(await assistant.SuggestAsync(request.Text, request.Case, ct));
            })
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Assistance")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("SuggestForCase")
            .WithSummary("For a narrative and the case fields typed so far: ranked candidates with code, name and confidence for 商品・役務分類 (product), 販売購入形態 (salesForm), 内容キーワード (keywords) and 処理結果 (result), the checklists of questions to ask, each item ticked when its field is filled, and the rules of consumer law that may apply (cooling-off and other periods with their deadlines, rescission, termination fees) from the fields as typed. Nothing is saved.");
        app.MapPost("/api/cases/{id:guid}/checks", async Task<Results<Ok<CheckReport>, NotFound>> (Guid id, CaseChecks checks, CancellationToken ct) =>
                await checks.CheckAsync(id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound())
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Assistance")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("CheckCase")
            .WithSummary("The input checks of a saved case (入力ルール before approval): each finding with its rule, severity (Error or Warning), the form field to fix and a Japanese message, and a quality score (100 for a clean record). Nothing is changed.");
        app.MapGet("/api/assist/check-report", async Task<Ok<CenterCheckReport>> (int? days, CheckReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.ForCenterAsync(days ?? DefaultReportDays, ct)))
            .RequireAuthorization(Policies.Approve)
            .WithTags("Assistance")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("CenterCheckReport")
            .WithSummary("The commonest input findings over the user's own center's cases changed in the last `days` days (default 90, at most 366; at most 2,000 cases, newest first), with the share of cases each rule found something in, for training.");
        return app;
    }

    private const int DefaultReportDays = 90;

    private static Dictionary<string, string[]> Validate(AssistSuggestionRequest request, CodeListVersion codes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Text is { Length: > CaseAssistant.MaxTextLength })
        {
            errors["Text"] = [Messages.Error("TooLong", "SuggestionText", CaseAssistant.MaxTextLength)];
        }

        if (request.Case is not { } fields)
        {
            return errors;
        }

        void Code(string key, string list, string field, string? code)
        {
            if (!string.IsNullOrWhiteSpace(code) && !codes.IsValid(list, code))
            {
                errors[key] = [Messages.Error("InvalidCode", field)];
            }
        }

        Code("Case.Product", CodeListNames.Product, "ProductCode", fields.Product);
        Code("Case.SalesForm", CodeListNames.SalesForm, "SalesFormCode", fields.SalesForm);
        Code("Case.Result", CodeListNames.Result, "ResultCode", fields.Result);
        Code("Case.AgeBand", CodeListNames.AgeBand, "ContractParty.AgeBandCode", fields.AgeBand);
        Code("Case.Harm", CodeListNames.Harm, "HarmCode", fields.Harm);
        Code("Case.PaymentMethod", CodeListNames.PaymentMethod, "PaymentMethodCode", fields.PaymentMethod);
        if (fields.Keywords?.FirstOrDefault(k => !codes.IsValid(CodeListNames.Keyword, k)) is not null)
        {
            errors["Case.Keywords"] = [Messages.Error("InvalidCode", "KeywordCodes")];
        }

        return errors;
    }
}
