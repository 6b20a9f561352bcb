using Microsoft.AspNetCore.Http.HttpResults;
using Yorisoi.Core.Assistance.Summaries;
using Yorisoi.Web.Infrastructure;
using Yorisoi.Web.Resources;

namespace Yorisoi.Web.Features.Assistance;

public static class HandoverEndpoints
{
    public static IEndpointRouteBuilder MapHandoverEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{id:guid}/handover").WithTags("Assistance").RequireAuthorization(Policies.CaseWork)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", async Task<Results<Ok<HandoverView>, NotFound>> (Guid id, HandoverService handover, LlmSummaryClient llm, CancellationToken ct) =>
                await handover.GetAsync(id, ct) is { } view ? TypedResults.Ok(view with { Llm = HandoverLlm.Offer(llm) }) : TypedResults.NotFound())
            .WithName("GetCaseHandover")
            .WithSummary("The hand-over view of a case, without personal data: the extractive summary (400 characters; each sentence with its source, narrative or handling-log entry) and key terms, classification and status, the latest five handling-log entries with dates and authors, the checklist items still open, the rules that may apply with their deadlines, the input-check findings, and `llm`: whether an LLM summary can be requested (status Available and the model) or not (NotConfigured).");

        group.MapPost("/llm-summary", async Task<Results<Ok<HandoverView>, NotFound>> (Guid id, HandoverService handover, LlmSummaryClient llm, TimeProvider clock, CancellationToken ct) =>
                await HandoverLlm.GenerateAsync(id, handover, llm, clock, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("SummarizeCaseHandoverWithLlm")
            .WithSummary("The hand-over view with `llm` filled in: the narrative and handling log, with the case's stored personal values and everything else that looks personal masked (〔氏名〕, 〔電話番号〕 …), are sent to the operator's LLM endpoint; `llm.status` is Generated with `text` and `model`, or Failed / NotConfigured with a Japanese `error`, and the extractive summary is there either way. Nothing is stored on the case; each request is audited.");
        return app;
    }
}

/// <summary>What the hand-over page and the API share about the LLM block.</summary>
public static class HandoverLlm
{
    public static LlmSummaryBlock Offer(LlmSummaryClient llm) =>
        llm.IsConfigured ? new LlmSummaryBlock(LlmSummaryStatus.Available, llm.Model) : LlmSummaryBlock.NotConfigured;

    /// <summary>The view with a generated summary or a Japanese reason why there is none; null when the case is not visible.</summary>
    public static async Task<HandoverView?> GenerateAsync(Guid id, HandoverService handover, LlmSummaryClient llm, TimeProvider clock, CancellationToken ct)
    {
        if (!llm.IsConfigured)
        {
            return await handover.GetAsync(id, ct) is { } plain
                ? plain with { Llm = LlmSummaryBlock.NotConfigured with { Error = ErrorText(new LlmAnswer(null, LlmFailure.NotConfigured), llm) } }
                : null;
        }

        if (await handover.PrepareLlmAsync(id, llm.Model!, ct) is not { } prepared)
        {
            return null;
        }

        var (view, prompt) = prepared;
        var answer = await llm.SummarizeAsync(id, prompt, ct);
        var block = answer.Text is { } text
            ? new LlmSummaryBlock(LlmSummaryStatus.Generated, llm.Model, text, GeneratedAt: clock.GetUtcNow())
            : new LlmSummaryBlock(LlmSummaryStatus.Failed, llm.Model, Error: ErrorText(answer, llm));
        return view with { Llm = block };
    }

    public static string ErrorText(LlmAnswer answer, LlmSummaryClient llm) => answer.Failure switch
    {
        LlmFailure.NotConfigured => UiText.Get("Handover.Llm.Error.NotConfigured"),
        LlmFailure.Timeout => UiText.Format("Handover.Llm.Error.Timeout", (int)llm.Timeout.TotalSeconds),
        LlmFailure.ErrorStatus => UiText.Format("Handover.Llm.Error.Status", answer.Status),
        LlmFailure.InvalidAnswer => UiText.Get("Handover.Llm.Error.Invalid"),
        _ => UiText.Get("Handover.Llm.Error.Unreachable"),
    };
}
