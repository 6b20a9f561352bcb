using Yorisoi.Core.Cases;
using Yorisoi.Text.Summaries;

namespace Yorisoi.Core.Assistance.Checks;

/// <summary>What the approver sees of a case in the queue: its input checks and a one-line summary.</summary>
public sealed record CaseReview(CheckReport Checks, string Summary);

/// <summary>The input checks of saved cases, within what the user may see (another center's case is not found, and audited).</summary>
public sealed class CaseChecks(CaseService cases, InputChecks rules, ExtractiveSummarizer summarizer)
{
    public async Task<CheckReport?> CheckAsync(Guid id, CancellationToken ct = default) =>
        await cases.GetAsync(id, ct) is { } detail ? rules.Check(detail) : null;

    /// <summary>The checks and a summary of the narrative and handling log short enough for a row of the approval queue.</summary>
    public async Task<CaseReview?> ReviewAsync(Guid id, CancellationToken ct = default)
    {
        if (await cases.GetAsync(id, ct) is not { } detail)
        {
            return null;
        }

        var summary = summarizer.Summarize(detail.Summary, [.. detail.HandlingLog.Select(e => e.Text)], SummaryOptions.OneLine);
        return new CaseReview(rules.Check(detail), summary.Text);
    }
}
