using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;

namespace Yorisoi.Core.Assistance.Checks;

/// <summary>How often one rule found something, over the cases of the report.</summary>
public sealed record CommonFinding(string RuleId, CheckSeverity Severity, string Field, string Message, int Cases, double Share);

/// <param name="Checked">The cases checked: the center's own cases changed in the period, newest first, at most <see cref="CheckReports.MaxCases"/>.</param>
/// <param name="Truncated">More cases changed in the period than were checked.</param>
public sealed record CenterCheckReport(int Days, int Checked, bool Truncated, double AverageScore, int CleanCases, string RulesVersion, IReadOnlyList<CommonFinding> Findings);

/// <summary>
/// The commonest input findings of a center's recent cases, so that training can target them. Only the user's own
/// center's cases count (shared cases belong to their center's report).
/// </summary>
public sealed class CheckReports(YorisoiDbContext db, CaseService cases, InputChecks rules, TimeProvider clock)
{
    public const int MaxCases = 2_000;

    public const int MaxDays = 366;

    public async Task<CenterCheckReport> ForCenterAsync(int days, CancellationToken ct = default)
    {
        days = Math.Clamp(days, 1, MaxDays);
        var centerId = db.Scope.CenterId ?? Guid.Empty;
        var since = clock.GetUtcNow().AddDays(-days);
        var ids = await db.Cases.AsNoTracking()
            .Where(c => c.CenterId == centerId && c.UpdatedAt >= since)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => c.Id)
            .Take(MaxCases + 1)
            .ToListAsync(ct);
        var truncated = ids.Count > MaxCases;
        var reports = new List<CheckReport>();
        foreach (var id in ids.Take(MaxCases))
        {
            if (await cases.GetAsync(id, ct) is { } detail)
            {
                reports.Add(rules.Check(detail));
            }
        }

        var findings = reports
            .SelectMany(r => r.Findings.DistinctBy(f => f.RuleId))
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => new CommonFinding(g.Key, g.First().Severity, g.First().Field, g.First().Message, g.Count(), Math.Round((double)g.Count() / reports.Count, 3)))
            .OrderByDescending(f => f.Cases)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return new CenterCheckReport(days, reports.Count, truncated, reports.Count == 0 ? 0 : Math.Round(reports.Average(r => r.Score), 1),
            reports.Count(r => r.Findings.Count == 0), rules.Version, findings);
    }
}
