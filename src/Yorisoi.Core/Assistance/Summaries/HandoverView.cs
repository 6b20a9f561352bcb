using Yorisoi.Core.Assistance.Checks;
using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.Cases;
using Yorisoi.Text.Summaries;

namespace Yorisoi.Core.Assistance.Summaries;

/// <summary>
/// What a counselor taking over a case reads first: the summary, how the case is classified and where it stands, the
/// latest handling, the deadlines that may run, what is still to ask and what the input checks found. It holds no
/// personal field (no name, contact detail or address of the consumer), so showing it needs no audit record.
/// </summary>
public sealed record HandoverView(
    Guid CaseId,
    string ReceiptNumber,
    CaseStatus Status,
    string CenterName,
    bool IsOwnCenter,
    string? AssigneeName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    HandoverClassification Classification,
    HandoverSummary Summary,
    IReadOnlyList<HandoverLogEntry> LatestHandlingLog,
    int HandlingLogCount,
    IReadOnlyList<HandoverChecklist> OpenChecklistItems,
    IReadOnlyList<RuleSuggestion> Rules,
    CheckReport Checks,
    LlmSummaryBlock Llm);

/// <param name="Keywords">内容キーワード names.</param>
/// <param name="IsMediationActive">あっせん has started and not ended.</param>
public sealed record HandoverClassification(
    string? ProductCode,
    string? ProductPath,
    string? SalesFormCode,
    string? SalesFormName,
    IReadOnlyList<string> Keywords,
    string? ResultCode,
    string? ResultName,
    bool IsMediationActive);

/// <summary>The extractive summary (no model, computed on the host) with where each sentence comes from.</summary>
public sealed record HandoverSummary(string Text, IReadOnlyList<HandoverSummarySentence> Sentences, IReadOnlyList<string> KeyTerms, int MaxCharacters);

/// <param name="LogEntryId">For a sentence of the handling log: the entry it is from.</param>
/// <param name="OccurredAt">For a sentence of the handling log: when that entry happened.</param>
public sealed record HandoverSummarySentence(string Text, SummarySource Source, Guid? LogEntryId, DateTimeOffset? OccurredAt, bool IsCut);

/// <param name="Author">The staff member who recorded the entry.</param>
public sealed record HandoverLogEntry(Guid Id, HandlingLogKind Kind, DateTimeOffset OccurredAt, string? MethodName, string? CounterpartName, string Text, string? Author);

/// <summary>A checklist that applies to the case, with only the items not done yet.</summary>
/// <param name="Reason">The condition that brought the checklist in, as the checklist data states it (e.g. salesForm:S2).</param>
public sealed record HandoverChecklist(string Id, string Title, string Reason, IReadOnlyList<HandoverChecklistItem> OpenItems);

public sealed record HandoverChecklistItem(string Id, string Text, string? Field);

public enum LlmSummaryStatus
{
    /// <summary>No LLM endpoint is configured: only the extractive summary exists.</summary>
    NotConfigured,

    /// <summary>An LLM summary can be asked for (it is never made on a page view).</summary>
    Available,

    /// <summary>The summary was generated for this answer; it is not stored.</summary>
    Generated,

    /// <summary>The endpoint could not be used; <see cref="LlmSummaryBlock.Error"/> says why in Japanese.</summary>
    Failed,
}

/// <summary>The optional machine-generated summary: whether it can be asked for, and when asked, the result or why not.</summary>
/// <param name="Model">The configured model, shown with the summary.</param>
/// <param name="Text">The generated text, when <see cref="Status"/> is Generated.</param>
/// <param name="Error">A Japanese message, when <see cref="Status"/> is Failed or NotConfigured after a request.</param>
public sealed record LlmSummaryBlock(LlmSummaryStatus Status, string? Model, string? Text = null, string? Error = null, DateTimeOffset? GeneratedAt = null)
{
    public static LlmSummaryBlock NotConfigured { get; } = new(LlmSummaryStatus.NotConfigured, null);
}
