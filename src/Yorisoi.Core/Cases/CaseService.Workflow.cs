using Microsoft.EntityFrameworkCore;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Cases;

/// <summary>A case's way through its life: mediation (あっせん), status transitions with 決裁, and sharing with other centers.</summary>
public sealed partial class CaseService
{
    public async Task<Outcome<CaseDetail>> StartMediationAsync(Guid id, CancellationToken ct = default)
    {
        var (entity, refused) = await LoadForChangeAsync(id, AccessNeed.OwnCenterEdit, includeKeywords: false, ct);
        if (entity is null)
        {
            return refused!;
        }

        if (entity.IsMediation && entity.MediationEndedAt is null)
        {
            return Outcome<CaseDetail>.Invalid("IsMediation", Messages.Get("Error.MediationAlreadyActive"));
        }

        entity.IsMediation = true;
        entity.MediationStartedAt = clock.GetUtcNow();
        entity.MediationEndedAt = null;
        entity.MediationOutcome = MediationOutcome.None;
        if (entity.Status == CaseStatus.Received)
        {
            entity.Status = CaseStatus.InProgress;
        }

        db.CaseChanges.Add(Change(id, CaseChangeKind.MediationStarted));
        Touch(entity);
        return await SaveGuardedAsync(entity, ct);
    }

    public async Task<Outcome<CaseDetail>> EndMediationAsync(Guid id, MediationOutcome outcome, long? amountRelieved, CancellationToken ct = default)
    {
        var (entity, refused) = await LoadForChangeAsync(id, AccessNeed.OwnCenterEdit, includeKeywords: false, ct);
        if (entity is null)
        {
            return refused!;
        }

        if (!entity.IsMediation || entity.MediationEndedAt is not null)
        {
            return Outcome<CaseDetail>.Invalid("IsMediation", Messages.Get("Error.MediationNotActive"));
        }

        if (outcome == MediationOutcome.None || !Enum.IsDefined(outcome))
        {
            return Outcome<CaseDetail>.Invalid("Outcome", Messages.Error("InvalidOutcome", "Outcome"));
        }

        if (amountRelieved is < 0 or > CaseLimits.MaxAmount)
        {
            return Outcome<CaseDetail>.Invalid(nameof(Case.AmountRelieved), Messages.Error(amountRelieved < 0 ? "Negative" : "TooLarge", nameof(CaseInput.AmountRelieved)));
        }

        entity.MediationEndedAt = clock.GetUtcNow();
        entity.MediationOutcome = outcome;
        // The result code follows the mediation's outcome (PIO-NET: あっせん解決 / あっせん不調).
        entity.ResultCode = outcome == MediationOutcome.Resolved ? ResultCodes.MediationResolved : ResultCodes.MediationFailed;
        if (amountRelieved is not null)
        {
            entity.AmountRelieved = amountRelieved;
        }

        db.CaseChanges.Add(Change(id, CaseChangeKind.MediationEnded, comment: Messages.Get("Mediation." + outcome)));
        Touch(entity);
        return await SaveGuardedAsync(entity, ct);
    }

    public async Task<Outcome<CaseDetail>> TransitionAsync(Guid id, CaseAction action, string? comment, bool isApprover, int? expectedVersion = null, CancellationToken ct = default)
    {
        // Reopening is how a completed case becomes editable again, so the status itself is not checked here.
        var (entity, refused) = await LoadForChangeAsync(id, AccessNeed.OwnCenterStatus, includeKeywords: false, ct);
        if (entity is null)
        {
            return refused!;
        }

        if (CaseWorkflow.RequiresApprover(action) && !isApprover)
        {
            return Outcome<CaseDetail>.Forbidden(Messages.Get("Error.ApproverOnly"));
        }

        if (expectedVersion is { } v && v != entity.Version)
        {
            return new Outcome<CaseDetail>(OutcomeKind.Conflict, await ToDetailAsync(entity, ct), Message: Messages.Get("Error.Conflict"));
        }

        var next = CaseWorkflow.Next(entity.Status, action);
        if (next is null)
        {
            return Outcome<CaseDetail>.Invalid("Action", Messages.Format("Error.InvalidTransition", Messages.Status(entity.Status)));
        }

        if (ApprovalReadiness.Applies(action))
        {
            var hasLog = await db.HandlingLogEntries.AnyAsync(e => e.CaseId == id, ct);
            var missing = ApprovalReadiness.Missing(entity.ResultCode, hasLog, entity.ProductCode, entity.SalesFormCode);
            if (missing.Count > 0)
            {
                var title = Messages.Get(action == CaseAction.Approve ? "Readiness.ApproveTitle" : "Readiness.SubmitTitle");
                return Outcome<CaseDetail>.Incomplete(title, ApprovalReadiness.Errors(missing));
            }
        }

        comment = CaseValidator.CleanText(comment);
        if (CaseWorkflow.RequiresComment(action) && string.IsNullOrWhiteSpace(comment))
        {
            return Outcome<CaseDetail>.Invalid("Comment", Messages.Error("CommentRequired", "Comment"));
        }

        if (comment is { Length: > CaseLimits.NoteLength })
        {
            return Outcome<CaseDetail>.Invalid("Comment", Messages.Error("TooLong", "Comment", CaseLimits.NoteLength));
        }

        db.CaseChanges.Add(Change(id, CaseChangeKind.StatusChanged, "Status", Messages.Status(entity.Status), Messages.Status(next.Value), $"{Messages.Action(action)}{(comment is null ? "" : "：" + comment)}"));
        entity.Status = next.Value;
        switch (action)
        {
            case CaseAction.Approve:
                entity.ApprovedAt = clock.GetUtcNow();
                entity.ApprovedById = Scope.UserId;
                entity.ReturnComment = null;
                break;
            case CaseAction.Return:
                entity.ReturnComment = comment;
                break;
            case CaseAction.Reopen:
                entity.ApprovedAt = null;
                entity.ApprovedById = null;
                break;
        }

        Touch(entity);
        return await SaveGuardedAsync(entity, ct);
    }

    public async Task<Outcome<CaseDetail>> ShareAsync(Guid id, Guid centerId, string? reason, CancellationToken ct = default)
    {
        var entity = await db.Cases.Include(c => c.Shares).FirstOrDefaultAsync(c => c.Id == id && c.CenterId == Scope.CenterId, ct);
        if (entity is null)
        {
            await RecordDeniedIfExistsAsync(id, ct);
            return Outcome<CaseDetail>.NotFound();
        }

        if (!entity.ConsentToShareWithCenters)
        {
            return Outcome<CaseDetail>.Invalid("CenterId", Messages.Get("Error.ShareNeedsConsent"));
        }

        if (centerId == entity.CenterId)
        {
            return Outcome<CaseDetail>.Invalid("CenterId", Messages.Get("Error.ShareSelf"));
        }

        var target = await db.Centers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == centerId, ct);
        if (target is null)
        {
            return Outcome<CaseDetail>.Invalid("CenterId", Messages.Error("UnknownCenter", "CenterId"));
        }

        reason = CaseValidator.CleanText(reason);
        if (reason is { Length: > CaseLimits.NoteLength })
        {
            return Outcome<CaseDetail>.Invalid("Reason", Messages.Error("TooLong", "Reason", CaseLimits.NoteLength));
        }

        if (entity.Shares.All(s => s.CenterId != centerId))
        {
            entity.Shares.Add(new CaseShare { CaseId = id, CenterId = centerId, SharedAt = clock.GetUtcNow(), SharedById = Scope.UserId, Reason = reason });
            db.CaseChanges.Add(Change(id, CaseChangeKind.Shared, "Shares", null, target.Name, reason));
            Touch(entity);
        }

        return await SaveGuardedAsync(entity, ct);
    }
}
