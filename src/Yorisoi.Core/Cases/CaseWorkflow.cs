namespace Yorisoi.Core.Cases;

public enum CaseAction
{
    /// <summary>受付 → 対応中</summary>
    Start,

    /// <summary>対応中 → 決裁待ち</summary>
    SubmitForApproval,

    /// <summary>決裁待ち → 完了 (決裁)</summary>
    Approve,

    /// <summary>決裁待ち → 対応中 (差戻し), with a comment</summary>
    Return,

    /// <summary>完了 → 対応中 (再開)</summary>
    Reopen,
}

/// <summary>The status flow 受付 → 対応中 → 決裁待ち → 完了, with 差戻し and 再開.</summary>
public static class CaseWorkflow
{
    public static CaseStatus? Next(CaseStatus from, CaseAction action) => (from, action) switch
    {
        (CaseStatus.Received, CaseAction.Start) => CaseStatus.InProgress,
        (CaseStatus.Received or CaseStatus.InProgress, CaseAction.SubmitForApproval) => CaseStatus.AwaitingApproval,
        (CaseStatus.AwaitingApproval, CaseAction.Approve) => CaseStatus.Completed,
        (CaseStatus.AwaitingApproval, CaseAction.Return) => CaseStatus.InProgress,
        (CaseStatus.Completed, CaseAction.Reopen) => CaseStatus.InProgress,
        _ => null,
    };

    /// <summary>Approve, return and reopen are the approver's; the rest any case worker may do.</summary>
    public static bool RequiresApprover(CaseAction action) => action is CaseAction.Approve or CaseAction.Return or CaseAction.Reopen;

    /// <summary>A returned case needs a reason, and so does a reopening.</summary>
    public static bool RequiresComment(CaseAction action) => action is CaseAction.Return or CaseAction.Reopen;

    /// <summary>An approved case is read-only until reopened.</summary>
    public static bool IsEditable(CaseStatus status) => status != CaseStatus.Completed;

    public static IReadOnlyList<CaseAction> Available(CaseStatus status, bool isApprover) =>
        Enum.GetValues<CaseAction>()
            .Where(a => Next(status, a) is not null && (isApprover || !RequiresApprover(a)))
            .ToList();
}

public static class FiscalYear
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Japan's fiscal year runs April to March: 2027-03-31 belongs to fiscal 2026.</summary>
    public static int Of(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Japan);
        return local.Month >= 4 ? local.Year : local.Year - 1;
    }

    public static DateTimeOffset ToJapanTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Japan);

    public static TimeZoneInfo TimeZone => Japan;
}
