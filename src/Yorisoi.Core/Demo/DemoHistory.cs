using Yorisoi.Core.Cases;
using Yorisoi.Core.Resources;

namespace Yorisoi.Core.Demo;

/// <summary>
/// The history a generated case would have had if people had worked it through the application: each handling log
/// entry, the status changes and the mediation, with the same kinds, fields and texts that <see cref="CaseService"/>
/// writes, so a demo case's timeline agrees with its status. The "created" entry comes from the history interceptor.
/// </summary>
public static class DemoHistory
{
    public static IEnumerable<CaseChange> Of(Case c, (Guid Id, string Name)? worker, (Guid Id, string Name)? approver)
    {
        CaseChange Change(DateTimeOffset at, CaseChangeKind kind, (Guid Id, string Name)? by, string? field = null, string? oldValue = null, string? newValue = null, string? comment = null) =>
            new() { CaseId = c.Id, At = at, UserId = by?.Id, UserName = by?.Name, Kind = kind, Field = field, OldValue = oldValue, NewValue = newValue, Comment = comment };

        CaseChange Status(DateTimeOffset at, CaseStatus from, CaseStatus to, (Guid Id, string Name)? by, string? comment = null) =>
            Change(at, CaseChangeKind.StatusChanged, by, "Status", Messages.Status(from), Messages.Status(to), comment);

        var lastActivity = c.ReceivedAt;
        for (var i = 0; i < c.HandlingLog.Count; i++)
        {
            var entry = c.HandlingLog[i];
            if (c.MediationStartedAt == entry.OccurredAt)
            {
                yield return Change(entry.OccurredAt, CaseChangeKind.MediationStarted, worker);
            }

            yield return Change(entry.OccurredAt, CaseChangeKind.HandlingLogAdded, worker, comment: entry.Kind == HandlingLogKind.Mediation ? "あっせん" : null);
            if (i == 0)
            {
                // The first handling log entry starts the work on a received case, as in the application.
                yield return Status(entry.OccurredAt, CaseStatus.Received, CaseStatus.InProgress, worker);
            }

            if (c.MediationEndedAt == entry.OccurredAt)
            {
                yield return Change(entry.OccurredAt, CaseChangeKind.MediationEnded, worker, comment: Messages.Get("Mediation." + c.MediationOutcome));
            }

            lastActivity = entry.OccurredAt;
        }

        if (c.Status is CaseStatus.AwaitingApproval or CaseStatus.Completed)
        {
            var submitted = c.Status == CaseStatus.Completed ? lastActivity + ((c.ApprovedAt!.Value - lastActivity) / 2) : c.UpdatedAt;
            yield return Status(submitted, CaseStatus.InProgress, CaseStatus.AwaitingApproval, worker, Messages.Action(CaseAction.SubmitForApproval));
        }

        if (c.Status == CaseStatus.Completed)
        {
            yield return Status(c.ApprovedAt!.Value, CaseStatus.AwaitingApproval, CaseStatus.Completed, approver ?? worker, Messages.Action(CaseAction.Approve));
        }
    }
}
