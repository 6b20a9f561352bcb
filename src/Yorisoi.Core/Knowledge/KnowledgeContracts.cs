namespace Yorisoi.Core.Knowledge;

/// <summary>What the signed-in user may do in the knowledge base, from their roles (faq-editor, faq-approver).</summary>
public sealed record KnowledgeRights(bool IsEditor, bool IsApprover)
{
    public static KnowledgeRights None { get; } = new(false, false);
}

public static class KnowledgeActions
{
    public const string Edit = "edit";
    public const string Submit = "submit";
    public const string Return = "return";
    public const string Approve = "approve";
    public const string Publish = "publish";
    public const string Retire = "retire";
    public const string Restore = "restore";
}

public static class KnowledgeAuditActions
{
    public const string Prefix = "faq-";
}

public sealed record FaqVersionDetail(
    int Number,
    FaqVersionState State,
    FaqAudience Audience,
    string Category,
    string Question,
    string Summary,
    string Answer,
    string AnswerHtml,
    string[] Products,
    string[] Keywords,
    string[] SalesForms,
    string[] Laws,
    string[] Related,
    DateOnly? ReviewDue,
    string AuthorName,
    string? ApproverName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? PublishedAt);

public sealed record FaqEntryDetail(
    string Id,
    bool IsNational,
    Guid? OwnerCenterId,
    string OwnerName,
    FaqAudience Audience,
    string Category,
    int? PublishedVersion,
    int LatestVersion,
    bool IsRetired,
    DateOnly? ReviewDue,
    bool IsReviewOverdue,
    FaqVersionDetail Latest,
    FaqVersionDetail? Published,
    IReadOnlyList<string> AllowedActions);

public sealed record FaqListItem(
    string Id,
    string Question,
    string Category,
    FaqAudience Audience,
    bool IsNational,
    string OwnerName,
    FaqVersionState LatestState,
    int? PublishedVersion,
    int LatestVersion,
    bool IsRetired,
    DateOnly? ReviewDue,
    bool IsReviewOverdue,
    DateTimeOffset UpdatedAt);

public sealed record FaqListQuery
{
    public FaqAudience? Audience { get; init; }

    public FaqVersionState? State { get; init; }

    public string? Category { get; init; }

    /// <summary>"national", "own" or null for both.</summary>
    public string? Owner { get; init; }

    public bool ReviewOverdue { get; init; }
}

public sealed record FaqHistoryItem(int Version, DateTimeOffset At, string UserName, string Action, string? Comment);

public sealed record FaqVersionSummary(
    int Number,
    FaqVersionState State,
    string Question,
    string AuthorName,
    string? ApproverName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<FaqHistoryItem> History);

/// <summary>A published public entry as the portal and anonymous API clients see it.</summary>
public sealed record PublicFaq(
    string Id,
    string Question,
    string Summary,
    string AnswerHtml,
    string Category,
    string CategoryName,
    string[] Laws,
    string[] Related,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>A published public entry in a list: where it links and what it asks.</summary>
public sealed record PublicFaqLink(string Id, string Question, string Summary);

/// <param name="CaseLinks">Cases a counselor linked this version to (from the candidates beside the case form), at every center.</param>
public sealed record FaqVersionStats(string EntryId, int Version, string Question, int Views, int Helpful, int NotHelpful, double? HelpfulRatio, int CaseLinks);

public sealed record SearchGap(string Query, int Searches, int Unsatisfied);

/// <param name="ZeroResult">FAQ searches (portal and staff) that found nothing.</param>
/// <param name="LowSatisfaction">FAQ searches whose results were not opened or not found helpful.</param>
/// <param name="CaseSearchZeroResult">Case searches that found nothing: words the index or the synonym list may lack.</param>
public sealed record SearchGapReport(IReadOnlyList<SearchGap> ZeroResult, IReadOnlyList<SearchGap> LowSatisfaction, IReadOnlyList<SearchGap> CaseSearchZeroResult);
