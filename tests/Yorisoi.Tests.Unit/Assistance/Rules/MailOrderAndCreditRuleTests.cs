using Yorisoi.Core.Assistance.Rules;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class MailOrderAndCreditRuleTests
{
    private static CaseFacts MailOrder(string today, bool? clause = false, string? product = "0502") => new()
    {
        Today = D(today),
        SalesFormCode = "S3",
        ProductCode = product,
        GoodsReceivedDate = D("2026-11-01"),
        ReturnClauseShown = clause,
    };

    [Fact]
    public void WithoutAReturnClauseGoodsMayBeReturnedUntilTheEighthDayFromReceipt()
    {
        var rule = Only(MailOrder("2026-11-08"), "tsuhan.henpin");

        Assert.Equal(RuleStatus.Applies, rule.Status);
        Assert.Equal(D("2026-11-08"), rule.Deadline);
        Assert.Equal(0, rule.DaysLeft);
        Assert.Equal("特定商取引法第15条の3", rule.Law);
        Assert.Contains(rule.Notes, n => n.Contains("消費者の負担", StringComparison.Ordinal));
    }

    [Fact]
    public void TheReturnRightEndsAfterTheEighthDay()
    {
        Assert.Equal(RuleStatus.Expired, Only(MailOrder("2026-11-09"), "tsuhan.henpin").Status);
    }

    [Fact]
    public void AShownReturnClauseGoverns()
    {
        var rule = Only(MailOrder("2026-11-03", clause: true), "tsuhan.henpin");

        Assert.Equal(RuleStatus.Excluded, rule.Status);
        Assert.Null(rule.Deadline);
    }

    [Fact]
    public void AnUnknownReturnClauseIsAskedAbout()
    {
        Assert.Equal(RuleStatus.MayApply, Only(MailOrder("2026-11-03", clause: null), "tsuhan.henpin").Status);
    }

    [Fact]
    public void GoodsNotYetReceivedLeaveTheReturnPeriodNotStarted()
    {
        var facts = MailOrder("2026-11-03") with { GoodsReceivedDate = null };

        Assert.Equal(RuleStatus.PeriodNotStarted, Only(facts, "tsuhan.henpin").Status);
    }

    [Fact]
    public void AMailOrderServiceWithTheCoolingOffKeywordIsToldThereIsNoReturnRight()
    {
        var facts = MailOrder("2026-11-03", product: "1602") with { KeywordCodes = new HashSet<string> { "K0105" } };

        var rule = Only(facts, "tsuhan.henpin");

        Assert.Equal(RuleStatus.Excluded, rule.Status);
        Assert.DoesNotContain(ApplicableRules.Evaluate(facts), s => s.Id.StartsWith("cooling-off.", StringComparison.Ordinal));
    }

    [Fact]
    public void AMailOrderServiceWithoutThatKeywordRaisesNothing()
    {
        Absent(MailOrder("2026-11-03", product: "1602"), "tsuhan.henpin");
    }

    private static CaseFacts DoorToDoor(string payment, long amount = 300_000, string salesForm = "S2") => new()
    {
        Today = D("2026-11-05"),
        SalesFormCode = salesForm,
        ProductCode = "0301",
        DocumentReceivedDate = D("2026-11-01"),
        ContractAmount = amount,
        PaymentMethodCode = payment,
    };

    [Fact]
    public void IndividualCreditAddsTheCreditCompanysCoolingOffWithTheSameDeadline()
    {
        var rule = Only(DoorToDoor("P05"), "credit.kobetsu-cooling-off");

        Assert.Equal(RuleStatus.Applies, rule.Status);
        Assert.Equal(D("2026-11-08"), rule.Deadline);
        Assert.StartsWith("割賦販売法第35条の3の10", rule.Law, StringComparison.Ordinal);
        Assert.Contains("int-credit-koben", rule.FaqIds);
    }

    [Fact]
    public void DoorToDoorPurchaseHasNoCreditCompanyCoolingOff()
    {
        Absent(DoorToDoor("P05", salesForm: "S7"), "credit.kobetsu-cooling-off");
    }

    [Fact]
    public void AnExpiredCoolingOffRaisesNoCreditCompanyCoolingOff()
    {
        Absent(DoorToDoor("P05") with { Today = D("2026-11-09") }, "credit.kobetsu-cooling-off");
    }

    [Theory]
    [InlineData("P04", "割賦販売法第30条の4")]
    [InlineData("P05", "割賦販売法第35条の3の19")]
    public void InstalmentsLetTheGroundsAgainstTheSellerStopPayments(string payment, string law)
    {
        var rule = Only(DoorToDoor(payment), "credit.koben-setsuzoku");

        Assert.Equal(law, rule.Law);
        Assert.Equal(RuleStatus.MayApply, rule.Status);
    }

    [Theory]
    [InlineData(37_999, RuleStatus.Excluded)]
    [InlineData(38_000, RuleStatus.MayApply)]
    public void BelowTheAmountThresholdThereIsNoDefenceAgainstTheCardCompany(long amount, RuleStatus expected)
    {
        Assert.Equal(expected, Only(DoorToDoor("P04", amount), "credit.koben-setsuzoku").Status);
    }

    [Fact]
    public void ACardPaymentInOneGoRaisesNoCreditRule()
    {
        var found = ApplicableRules.Evaluate(DoorToDoor("P03"));

        Assert.DoesNotContain(found, s => s.Id.StartsWith("credit.", StringComparison.Ordinal));
    }
}
