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
        // A center's queue is tens of cases, not thousands, so it is sorted here rather than by a subquery in SQL.
        // The submission is the latest status change into 決裁待ち in the case's history; a case that has none
        // (imported, or created before history was kept) counts from its last update.
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CenterId == centerId && c.Status == CaseStatus.AwaitingApproval)
            .Select(c => new
            {
                c.Id, c.ReceiptNumber, c.ReceivedAt, c.ProductCode, c.CodeListVersion, BusinessName = c.Business.Name, c.UpdatedAt,
                AssigneeName = db.Users.Where(u => u.Id == c.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                SubmittedAt = db.CaseChanges.Where(h => h.CaseId == c.Id && h.Kind == CaseChangeKind.StatusChanged && h.Field == nameof(Case.Status) && h.NewValue == awaiting)
                    .OrderByDescending(h => h.Id).Select(h => (DateTimeOffset?)h.At).FirstOrDefault(),
                SubmittedBy = db.CaseChanges.Where(h => h.CaseId == c.Id && h.Kind == CaseChangeKind.StatusChanged && h.Field == nameof(Case.Status) && h.NewValue == awaiting)
                    .OrderByDescending(h => h.Id).Select(h => h.UserName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return rows
            .Select(r => new AwaitingApprovalItem(
                r.Id, r.ReceiptNumber, r.ReceivedAt,
                catalog.Get(r.CodeListVersion).NameOf(CodeListNames.Product, r.ProductCode),
                r.BusinessName, r.AssigneeName, r.SubmittedAt ?? r.UpdatedAt, r.SubmittedBy))
            .OrderBy(i => i.SubmittedAt)
            .ThenBy(i => i.ReceiptNumber, StringComparer.Ordinal)
            .ToList();
    }
}
