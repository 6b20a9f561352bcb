using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Cases;

/// <summary>
/// What a case record must hold before it goes to the approver (決裁依頼) and again before it is approved (決裁):
/// the result (処理結果), at least one handling log entry (処理経過), and the classification the national statistics
/// count it under (商品・役務分類, 販売購入形態). The same rule runs in the service, so the API refuses what the screen would.
/// </summary>
public static class ApprovalReadiness
{
    /// <summary>The field paths that are missing, in the order the case page lists them.</summary>
    public static IReadOnlyList<string> Missing(string? resultCode, bool hasHandlingLog, string? productCode, string? salesFormCode)
    {
        var missing = new List<string>(4);
        if (string.IsNullOrWhiteSpace(resultCode))
        {
            missing.Add(nameof(CaseInput.ResultCode));
        }

        if (!hasHandlingLog)
        {
            missing.Add("HandlingLog");
        }

        if (string.IsNullOrWhiteSpace(productCode))
        {
            missing.Add(nameof(CaseInput.ProductCode));
        }

        if (string.IsNullOrWhiteSpace(salesFormCode))
        {
            missing.Add(nameof(CaseInput.SalesFormCode));
        }

        return missing;
    }

    public static IReadOnlyList<string> Missing(CaseDetail c) =>
        Missing(c.ResultCode, c.HandlingLog.Count > 0, c.ProductCode, c.SalesFormCode);

    /// <summary>Only these two actions put the record in front of the approver or make it final.</summary>
    public static bool Applies(CaseAction action) => action is CaseAction.SubmitForApproval or CaseAction.Approve;

    /// <summary>One Japanese message per missing item, keyed by field path (problem details "errors").</summary>
    public static ValidationErrors Errors(IEnumerable<string> missing)
    {
        var errors = new ValidationErrors();
        foreach (var field in missing)
        {
            errors.Add(field, Messages.Get("Readiness." + field));
        }

        return errors;
    }
}
