using Yorisoi.Core.Assistance.Rules;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class ContinuousServiceRuleTests
{
    private const string CoolingOff = "cooling-off.tokutei-keizoku";
    private const string MidTerm = "chuto-kaiyaku.tokutei-keizoku";

    private static CaseFacts Facts(string product, long? amount, int? months, string today = "2026-11-08") => new()
    {
        Today = D(today),
        SalesFormCode = "S1",
        ProductCode = product,
        ContractDate = D("2026-11-01"),
        DocumentReceivedDate = D("2026-11-01"),
        ContractAmount = amount,
        ContractPeriodMonths = months,
    };

    [Theory]
    [InlineData(49_999, RuleStatus.Excluded)]
    [InlineData(50_000, RuleStatus.Excluded)]
    [InlineData(50_001, RuleStatus.Applies)]
    public void TheAmountMustExceedFiftyThousandYen(long amount, RuleStatus expected)
    {
        Assert.Equal(expected, Only(Facts("2101", amount, 3), CoolingOff).Status);
    }

    [Theory]
    [InlineData("2101", 1, RuleStatus.Excluded)] // エステ: over 1 month
    [InlineData("2101", 2, RuleStatus.Applies)]
    [InlineData("1903", 2, RuleStatus.Excluded)] // 語学教室: over 2 months
    [InlineData("1903", 3, RuleStatus.Applies)]
    [InlineData("1901", 2, RuleStatus.Excluded)] // 学習塾
    [InlineData("1901", 3, RuleStatus.Applies)]
    [InlineData("2007", 2, RuleStatus.Excluded)] // 結婚相手紹介
    [InlineData("2007", 3, RuleStatus.Applies)]
    public void ThePeriodMustExceedTheServicesThreshold(string product, int months, RuleStatus expected)
    {
        Assert.Equal(expected, Only(Facts(product, 100_000, months), CoolingOff).Status);
    }

    [Fact]
    public void AQualifyingContractMadeInAStoreHasEightDaysFromTheContractDocument()
    {
        var rule = Only(Facts("2101", 300_000, 12), CoolingOff);

        Assert.Equal(D("2026-11-08"), rule.Deadline);
        Assert.Equal(0, rule.DaysLeft);
        Assert.Equal("特定商取引法第48条", rule.Law);
        Assert.Equal(["esute-chuto-kaiyaku", "int-tokutei-keizoku"], rule.FaqIds.Take(2));
    }

    [Fact]
    public void TheDayAfterTheEighthDayTheServicesCoolingOffHasExpired()
    {
        Assert.Equal(RuleStatus.Expired, Only(Facts("1903", 300_000, 12, today: "2026-11-09"), CoolingOff).Status);
    }

    [Fact]
    public void UnknownAmountAndPeriodAreAskedFor()
    {
        var rule = Only(Facts("2007", null, null), CoolingOff);

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Equal(2, rule.Unconfirmed.Count);
    }

    [Fact]
    public void CosmeticMedicineAlwaysAsksWhetherTheMethodIsADesignatedOne()
    {
        var rule = Only(Facts("2102", 300_000, 6), CoolingOff);

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Contains("int-biyou-iryou", rule.FaqIds);
    }

    [Theory]
    [InlineData("1905")] // スクール・習い事 may be パソコン教室
    [InlineData("1907")] // 他の教育サービス may be 家庭教師
    public void ABroadProductCodeOnlySuggestsTheService(string product)
    {
        Assert.Equal(RuleStatus.MayApply, Only(Facts(product, 300_000, 6), CoolingOff).Status);
    }

    [Fact]
    public void TheServiceTheCounselorGivesSettlesABroadProductCode()
    {
        var facts = Facts("1905", 300_000, 6) with { DesignatedService = DesignatedService.ComputerSchool };

        Assert.Equal(RuleStatus.Applies, Only(facts, CoolingOff).Status);
    }

    [Fact]
    public void ANonDesignatedServiceRaisesNoServiceRule()
    {
        var facts = Facts("2005", 300_000, 12); // スポーツ・健康教室

        Absent(facts, CoolingOff);
        Absent(facts, MidTerm);
    }

    [Fact]
    public void BelowTheThresholdsThereIsNoMidTermCancellationRule()
    {
        Absent(Facts("2101", 50_000, 12), MidTerm);
    }

    [Fact]
    public void DuringTheCoolingOffPeriodMidTermCancellationPointsToTheCoolingOffFirst()
    {
        var rule = Only(Facts("2101", 300_000, 12), MidTerm);

        Assert.Contains(rule.Notes, n => n.Contains("クーリング・オフ（全額返金）を優先", StringComparison.Ordinal));
        Assert.Null(rule.Deadline);
        Assert.Equal("特定商取引法第49条", rule.Law);
    }

    [Fact]
    public void WithoutTheAmountsMidTermCancellationShowsTheServicesTable()
    {
        var rule = Only(Facts("1901", 300_000, 12, today: "2027-01-10"), MidTerm);

        Assert.NotNull(rule.Settlement);
        Assert.Null(rule.Settlement.MaximumCharge);
        Assert.Equal(11_000, rule.Settlement.Limit.BeforeStartFee);
        Assert.Contains(rule.Notes, n => n.Contains("11,000円", StringComparison.Ordinal) && n.Contains("1か月分", StringComparison.Ordinal));
    }
}
