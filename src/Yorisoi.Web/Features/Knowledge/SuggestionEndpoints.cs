using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Resources;
using Yorisoi.Web.Infrastructure;

namespace Yorisoi.Web.Features.Knowledge;

public sealed record SuggestionRequest(string? Text);

/// <summary>FAQ候補自動表示 in the API: entries and similar cases for a narrative, as the case form's panel shows them.</summary>
public static class SuggestionEndpoints
{
    public static IEndpointRouteBuilder MapSuggestionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/faq/suggestions", async Task<Results<Ok<NarrativeSuggestionResult>, ValidationProblem>> (
                SuggestionRequest request, NarrativeSuggestions suggestions, CancellationToken ct) =>
            {
                if (request.Text is { Length: > NarrativeSuggestions.MaxTextLength })
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["Text"] = [Messages.Error("TooLong", "SuggestionText", NarrativeSuggestions.MaxTextLength)] },
                        title: Messages.Get("Api.InvalidInput"));
                }

                return TypedResults.Ok(await suggestions.SuggestAsync(request.Text, ct));
            })
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Knowledge")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("SuggestForNarrative")
            .WithSummary("For a narrative being typed (相談概要), the top 5 knowledge-base entries (public and internal) and the top 5 similar past cases the user may see, with the matched words.");
        return app;
    }
}
