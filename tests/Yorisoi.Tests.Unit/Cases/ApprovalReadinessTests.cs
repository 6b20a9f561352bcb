using Yorisoi.Core.Cases;

namespace Yorisoi.Tests.Unit.Cases;

public sealed class ApprovalReadinessTests
{
    [Fact]
    public void ACompleteRecordMissesNothing() =>
        Assert.Empty(ApprovalReadiness.Missing("R1", hasHandlingLog: true, "0201", "S3"));

    [Fact]
    public void EveryMissingItemIsNamedInTheOrderThePageListsThem() =>
        Assert.Equal(["ResultCode", "HandlingLog", "ProductCode", "SalesFormCode"], ApprovalReadiness.Missing(null, hasHandlingLog: false, " ", ""));

    [Fact]
    public void EachMissingItemHasAJapaneseMessage()
    {
        var errors = ApprovalReadiness.Errors(ApprovalReadiness.Missing(null, false, null, null)).ToDictionary();

        Assert.Equal(["処理結果を入力してください。"], errors["ResultCode"]);
        Assert.Equal(["処理経過を1件以上記録してください。"], errors["HandlingLog"]);
        Assert.Equal(["商品・役務分類を選んでください。"], errors["ProductCode"]);
        Assert.Equal(["販売購入形態を選んでください。"], errors["SalesFormCode"]);
    }

    [Theory]
    [InlineData(CaseAction.SubmitForApproval, true)]
    [InlineData(CaseAction.Approve, true)]
    [InlineData(CaseAction.Start, false)]
    [InlineData(CaseAction.Return, false)]
    [InlineData(CaseAction.Reopen, false)]
    public void OnlySubmittingAndApprovingNeedACompleteRecord(CaseAction action, bool applies) =>
        Assert.Equal(applies, ApprovalReadiness.Applies(action));

    [Theory]
    [InlineData("2026-13000-000123", "2026-13000-000123")]
    [InlineData(" ２０２６－１３０００－０００１２３ ", "2026-13000-000123")]
    [InlineData("2026ー13000ー000123", "2026-13000-000123")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void ReceiptNumbersAreReadInAnyWidth(string? typed, string? expected) =>
        Assert.Equal(expected, CaseService.NormalizeReceiptNumber(typed));
}
