using Yorisoi.Core.Assistance.Rules;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class TerminationSettlementTests
{
    private static TerminationSettlement Settle(DesignatedService service, long contract, long used, long paid, int months = 12, long? monthly = null) =>
        TerminationSettlement.Compute(TerminationFeeLimit.For(service), new CaseFacts
        {
            Today = D("2027-03-01"),
            ContractAmount = contract,
            ServicesStarted = true,
            ServicesUsedAmount = used,
            AmountPaid = paid,
            ContractPeriodMonths = months,
            MonthlyFee = monthly,
        });

    [Theory]
    [InlineData(DesignatedService.Esthetics, 20_000)]
    [InlineData(DesignatedService.CosmeticMedicine, 20_000)]
    [InlineData(DesignatedService.LanguageSchool, 15_000)]
    [InlineData(DesignatedService.HomeTutor, 20_000)]
    [InlineData(DesignatedService.CramSchool, 11_000)]
    [InlineData(DesignatedService.ComputerSchool, 15_000)]
    [InlineData(DesignatedService.MarriageIntroduction, 30_000)]
    public void BeforeTheServicesStartOnlyTheFixedFeeMayBeCharged(DesignatedService service, long fee)
    {
        var settlement = TerminationSettlement.Compute(TerminationFeeLimit.For(service), new CaseFacts
        {
            Today = D("2027-03-01"),
            ContractAmount = 300_000,
            ServicesStarted = false,
            AmountPaid = 100_000,
        });

        Assert.Equal(fee, settlement.FeeCap);
        Assert.Equal(fee, settlement.MaximumCharge);
        Assert.Equal(100_000 - fee, settlement.RefundDue);
    }

    [Fact]
    public void EstheticsAfterTheStartChargeAtMostTenPercentOfTheRemainderUpToTwentyThousand()
    {
        // 200,000 contract, 100,000 used: remainder 100,000, 10% is 10,000 (below 20,000).
        var s = Settle(DesignatedService.Esthetics, 200_000, 100_000, paid: 200_000);

        Assert.Equal(100_000, s.RemainingAmount);
        Assert.Equal(10_000, s.FeeCap);
        Assert.Equal(110_000, s.MaximumCharge);
        Assert.Equal(90_000, s.RefundDue);
    }

    [Fact]
    public void EstheticsCapStopsAtTwentyThousandYen()
    {
        // Remainder 400,000: 10% is 40,000, so the fixed 20,000 is the lower.
        Assert.Equal(20_000, Settle(DesignatedService.Esthetics, 500_000, 100_000, paid: 500_000).FeeCap);
    }

    [Fact]
    public void CosmeticMedicineChargesAtMostTwentyPercentOfTheRemainderUpToFiftyThousand()
    {
        // 150,000 contract, 50,000 used: remainder 100,000, 20% is 20,000 (below 50,000).
        var s = Settle(DesignatedService.CosmeticMedicine, 150_000, 50_000, paid: 150_000);

        Assert.Equal(20_000, s.FeeCap);
        Assert.Equal(70_000, s.MaximumCharge);
        Assert.Equal(80_000, s.RefundDue);
    }

    [Fact]
    public void LanguageSchoolCapStopsAtFiftyThousandYen()
    {
        // 400,000 contract, 100,000 used: remainder 300,000, 20% is 60,000, so 50,000.
        var s = Settle(DesignatedService.LanguageSchool, 400_000, 100_000, paid: 400_000);

        Assert.Equal(50_000, s.FeeCap);
        Assert.Equal(150_000, s.MaximumCharge);
        Assert.Equal(250_000, s.RefundDue);
    }

    [Fact]
    public void HomeTutorChargesAtMostOneMonthsFeeUpToFiftyThousand()
    {
        var s = Settle(DesignatedService.HomeTutor, 360_000, 60_000, paid: 240_000, monthly: 30_000);

        Assert.Equal(30_000, s.FeeCap);
        Assert.Equal(90_000, s.MaximumCharge);
        Assert.Equal(150_000, s.RefundDue);
        Assert.False(s.MonthlyFeeEstimated);
    }

    [Fact]
    public void CramSchoolCapStopsAtTwentyThousandYenEvenIfAMonthCostsMore()
    {
        var s = Settle(DesignatedService.CramSchool, 300_000, 50_000, paid: 100_000, monthly: 25_000);

        Assert.Equal(20_000, s.FeeCap);
        Assert.Equal(70_000, s.MaximumCharge);
        Assert.Equal(30_000, s.RefundDue);
    }

    [Fact]
    public void ComputerSchoolChargesAtMostTwentyPercentOfTheRemainder()
    {
        // 120,000 contract, 20,000 used: remainder 100,000, 20% is 20,000 (below 50,000).
        var s = Settle(DesignatedService.ComputerSchool, 120_000, 20_000, paid: 60_000);

        Assert.Equal(20_000, s.FeeCap);
        Assert.Equal(40_000, s.MaximumCharge);
        Assert.Equal(20_000, s.RefundDue);
    }

    [Fact]
    public void MarriageIntroductionCapStopsAtTwentyThousandYen()
    {
        // 300,000 contract, 100,000 used: remainder 200,000, 20% is 40,000, so 20,000.
        var s = Settle(DesignatedService.MarriageIntroduction, 300_000, 100_000, paid: 300_000);

        Assert.Equal(20_000, s.FeeCap);
        Assert.Equal(120_000, s.MaximumCharge);
        Assert.Equal(180_000, s.RefundDue);
    }

    [Fact]
    public void WithoutTheMonthlyFeeItIsEstimatedFromTheContractAndSaidSo()
    {
        var s = Settle(DesignatedService.HomeTutor, 240_000, 40_000, paid: 240_000, months: 12);

        Assert.Equal(20_000, s.FeeCap);
        Assert.True(s.MonthlyFeeEstimated);
    }

    [Fact]
    public void AConsumerWhoPaidLessThanTheMaximumOwesAtMostTheDifference()
    {
        var s = Settle(DesignatedService.Esthetics, 200_000, 100_000, paid: 50_000);

        Assert.Equal(0, s.RefundDue);
        Assert.Equal(60_000, s.StillPayable);
    }

    [Fact]
    public void TheValueOfServicesUsedIsNeededAfterTheStart()
    {
        var s = TerminationSettlement.Compute(TerminationFeeLimit.For(DesignatedService.Esthetics), new CaseFacts
        {
            Today = D("2027-03-01"),
            ContractAmount = 200_000,
            ServicesStarted = true,
        });

        Assert.Null(s.FeeCap);
        Assert.Null(s.MaximumCharge);
    }

    [Fact]
    public void TheMidTermRuleCarriesTheComputedSettlementAndRefund()
    {
        var facts = new CaseFacts
        {
            Today = D("2027-03-01"),
            SalesFormCode = "S1",
            ProductCode = "2101",
            ContractDate = D("2026-11-01"),
            DocumentReceivedDate = D("2026-11-01"),
            ContractAmount = 200_000,
            ContractPeriodMonths = 12,
            ServicesStarted = true,
            ServicesUsedAmount = 100_000,
            AmountPaid = 200_000,
        };

        var rule = Only(facts, "chuto-kaiyaku.tokutei-keizoku");

        Assert.Equal(90_000, rule.Settlement?.RefundDue);
        Assert.Contains(rule.Notes, n => n.Contains("90,000円", StringComparison.Ordinal));
        Assert.Contains(rule.Notes, n => n.Contains("110,000円", StringComparison.Ordinal));
    }
}
