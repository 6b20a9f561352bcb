using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Cases;

public sealed record AwaitingApprovalItem(
    Guid CaseId,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    string? ProductName,
    string? BusinessName,
    string? AssigneeName,
    DateTimeOffset SubmittedAt,
    string? SubmittedByName);

/// <summary>
/// The cases of the approver's own center that wait for 決裁, the longest-waiting first. Kept apart from
/// <see cref="CaseService"/>: it is the approver's screen, not the counselor's work on one case.
/// </summary>
public sealed class AwaitingApprovals(YorisoiDbContext db, CodeListCatalog catalog)
{
    public async Task<IReadOnlyList<AwaitingApprovalItem>> ListAsync(CancellationToken ct = default)
    {
        var centerId = db.Scope.CenterId ?? Guid.Empty;
        var awaiting = Messages.Status(CaseStatus.AwaitingApproval);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CenterId == centerId && c.Status == CaseStatus.AwaitingApproval)
            .Select(c => new
            {
                c.Id, c.ReceiptNumber, c.ReceivedAt, c.ProductCode, c.CodeListVersion, BusinessName = c.Business.Name, c.UpdatedAt,
                AssigneeName = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // The submission is the latest status change into 決裁待ち in each case's history. History values are encrypted
        // at rest (so the database cannot compare them); a center's queue is tens of cases with a handful of status
        // changes each, so those come in one second query and are matched here.
        var ids = rows.Select(r => r.Id).ToList();
        var statusChanges = await db.CaseChanges.AsNoTracking()
            .Where(h => ids.Contains(h.CaseId) && h.Kind == CaseChangeKind.StatusChanged && h.Field == nameof(Case.Status))
            .Select(h => new { h.CaseId, h.Id, h.At, h.UserName, h.NewValue })
            .ToListAsync(ct);
        var latest = statusChanges.Where(h => h.NewValue == awaiting).GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.Id)!);

        return rows
            .Select(r =>
            {
                // A case with no such entry (imported, or generated as demo data) counts from its last update.
                var submitted = latest.GetValueOrDefault(r.Id);
                return new AwaitingApprovalItem(
                    r.Id, r.ReceiptNumber, r.ReceivedAt,
                    catalog.Get(r.CodeListVersion).NameOf(CodeListNames.Product, r.ProductCode),
                    r.BusinessName, r.AssigneeName, submitted?.At ?? r.UpdatedAt, submitted?.UserName);
            })
            .OrderBy(i => i.SubmittedAt)
            .ThenBy(i => i.ReceiptNumber, StringComparer.Ordinal)
            .ToList();
    }
}
