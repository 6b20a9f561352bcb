using Yorisoi.Core.Cases;

namespace Yorisoi.Tests.Unit.Cases;

public sealed class CaseWorkflowTests
{
    // The whole transition table: every status × every action. Null means the action is not possible.
    public static TheoryData<CaseStatus, CaseAction, CaseStatus?> Transitions => new()
    {
        { CaseStatus.Received, CaseAction.Start, CaseStatus.InProgress },
        { CaseStatus.Received, CaseAction.SubmitForApproval, CaseStatus.AwaitingApproval },
        { CaseStatus.Received, CaseAction.Approve, null },
        { CaseStatus.Received, CaseAction.Return, null },
        { CaseStatus.Received, CaseAction.Reopen, null },
        { CaseStatus.InProgress, CaseAction.Start, null },
        { CaseStatus.InProgress, CaseAction.SubmitForApproval, CaseStatus.AwaitingApproval },
        { CaseStatus.InProgress, CaseAction.Approve, null },
        { CaseStatus.InProgress, CaseAction.Return, null },
        { CaseStatus.InProgress, CaseAction.Reopen, null },
        { CaseStatus.AwaitingApproval, CaseAction.Start, null },
        { CaseStatus.AwaitingApproval, CaseAction.SubmitForApproval, null },
        { CaseStatus.AwaitingApproval, CaseAction.Approve, CaseStatus.Completed },
        { CaseStatus.AwaitingApproval, CaseAction.Return, CaseStatus.InProgress },
        { CaseStatus.AwaitingApproval, CaseAction.Reopen, null },
        { CaseStatus.Completed, CaseAction.Start, null },
        { CaseStatus.Completed, CaseAction.SubmitForApproval, null },
        { CaseStatus.Completed, CaseAction.Approve, null },
        { CaseStatus.Completed, CaseAction.Return, null },
        { CaseStatus.Completed, CaseAction.Reopen, CaseStatus.InProgress },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void EachStatusAllowsExactlyTheActionsOfTheFlow(CaseStatus from, CaseAction action, CaseStatus? expected)
    {
        Assert.Equal(expected, CaseWorkflow.Next(from, action));
    }

    [Fact]
    public void TheTransitionTableCoversEveryStatusAndAction()
    {
        var covered = Transitions.Select(row => ((CaseStatus)row[0], (CaseAction)row[1])).ToHashSet();
        var all = Enum.GetValues<CaseStatus>().SelectMany(s => Enum.GetValues<CaseAction>().Select(a => (s, a))).ToHashSet();
        Assert.Equal(all, covered);
    }

    [Theory]
    [InlineData(CaseAction.Start, false)]
    [InlineData(CaseAction.SubmitForApproval, false)]
    [InlineData(CaseAction.Approve, true)]
    [InlineData(CaseAction.Return, true)]
    [InlineData(CaseAction.Reopen, true)]
    public void ApproveReturnAndReopenAreForApproversOnly(CaseAction action, bool approverOnly)
    {
        Assert.Equal(approverOnly, CaseWorkflow.RequiresApprover(action));
    }

    [Theory]
    [InlineData(CaseAction.Start, false)]
    [InlineData(CaseAction.SubmitForApproval, false)]
    [InlineData(CaseAction.Approve, false)]
    [InlineData(CaseAction.Return, true)]
    [InlineData(CaseAction.Reopen, true)]
    public void ReturnAndReopenNeedAComment(CaseAction action, bool needsComment)
    {
        Assert.Equal(needsComment, CaseWorkflow.RequiresComment(action));
    }

    [Theory]
    [InlineData(CaseStatus.Received, true)]
    [InlineData(CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.AwaitingApproval, true)]
    [InlineData(CaseStatus.Completed, false)]
    public void OnlyAnApprovedCaseIsReadOnly(CaseStatus status, bool editable)
    {
        Assert.Equal(editable, CaseWorkflow.IsEditable(status));
    }

    public static TheoryData<CaseStatus, bool, CaseAction[]> AvailableActions => new()
    {
        { CaseStatus.Received, false, [CaseAction.Start, CaseAction.SubmitForApproval] },
        { CaseStatus.Received, true, [CaseAction.Start, CaseAction.SubmitForApproval] },
        { CaseStatus.InProgress, false, [CaseAction.SubmitForApproval] },
        { CaseStatus.InProgress, true, [CaseAction.SubmitForApproval] },
        { CaseStatus.AwaitingApproval, false, [] },
        { CaseStatus.AwaitingApproval, true, [CaseAction.Approve, CaseAction.Return] },
        { CaseStatus.Completed, false, [] },
        { CaseStatus.Completed, true, [CaseAction.Reopen] },
    };

    [Theory]
    [MemberData(nameof(AvailableActions))]
    public void AvailableOffersOnlyPossibleActionsTheUserMayTake(CaseStatus status, bool isApprover, CaseAction[] expected)
    {
        Assert.Equal(expected, CaseWorkflow.Available(status, isApprover));
    }
}
