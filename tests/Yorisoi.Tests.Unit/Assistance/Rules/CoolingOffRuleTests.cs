using Yorisoi.Core.Assistance.Rules;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class CoolingOffRuleTests
{
    private static CaseFacts Facts(string salesForm, string? received, string today, string? product = null) => new()
    {
        Today = D(today),
        SalesFormCode = salesForm,
        ProductCode = product,
        ContractDate = received is null ? null : D(received),
        DocumentReceivedDate = received is null ? null : D(received),
    };

    [Theory]
    [InlineData("S2", "cooling-off.houmon-hanbai", "2026-11-08", "特定商取引法第9条")]
    [InlineData("S5", "cooling-off.denwa-kanyu", "2026-11-08", "特定商取引法第24条")]
    [InlineData("S7", "cooling-off.houmon-kounyu", "2026-11-08", "特定商取引法第58条の14")]
    [InlineData("S4", "cooling-off.rensa-hanbai", "2026-11-20", "特定商取引法第40条")]
    public void OnTheLastDayTheCoolingOffAppliesWithNoDaysLeft(string salesForm, string id, string lastDay, string law)
    {
        var rule = Only(Facts(salesForm, "2026-11-01", lastDay), id);

        Assert.Equal(RuleStatus.Applies, rule.Status);
        Assert.Equal(D(lastDay), rule.Deadline);
        Assert.Equal(0, rule.DaysLeft);
        Assert.Equal(law, rule.Law);
    }

    [Theory]
    [InlineData("S2", "cooling-off.houmon-hanbai", "2026-11-09")]
    [InlineData("S5", "cooling-off.denwa-kanyu", "2026-11-09")]
    [InlineData("S7", "cooling-off.houmon-kounyu", "2026-11-09")]
    [InlineData("S4", "cooling-off.rensa-hanbai", "2026-11-21")]
    public void TheDayAfterTheLastDayTheCoolingOffHasExpired(string salesForm, string id, string dayAfter)
    {
        var rule = Only(Facts(salesForm, "2026-11-01", dayAfter), id);

        Assert.Equal(RuleStatus.Expired, rule.Status);
        Assert.Equal(-1, rule.DaysLeft);
        Assert.Contains("cooling-off-kigen-sugita", rule.FaqIds);
    }

    [Fact]
    public void APeriodStartingOnTheTwentySixthOfDecemberEndsInTheNewYear()
    {
        var rule = Only(Facts("S2", "2026-12-26", "2026-12-30"), "cooling-off.houmon-hanbai");

        Assert.Equal(new DateOnly(2027, 1, 2), rule.Deadline);
        Assert.Equal(3, rule.DaysLeft);
    }

    [Fact]
    public void APeriodRunningOverALeapDayCountsIt()
    {
        var rule = Only(Facts("S5", "2028-02-22", "2028-02-29"), "cooling-off.denwa-kanyu");

        Assert.Equal(new DateOnly(2028, 2, 29), rule.Deadline);
        Assert.Equal(RuleStatus.Applies, rule.Status);
    }

    [Theory]
    [InlineData("S2", "cooling-off.houmon-hanbai")]
    [InlineData("S5", "cooling-off.denwa-kanyu")]
    [InlineData("S4", "cooling-off.rensa-hanbai")]
    [InlineData("S7", "cooling-off.houmon-kounyu")]
    public void WithoutTheLegalDocumentThePeriodHasNotStarted(string salesForm, string id)
    {
        var rule = Only(Facts(salesForm, null, "2027-06-01"), id);

        Assert.Equal(RuleStatus.PeriodNotStarted, rule.Status);
        Assert.Null(rule.Deadline);
        Assert.NotEmpty(rule.Unconfirmed);
    }

    [Fact]
    public void ADefectiveDocumentLeavesThePeriodNotStartedEvenLongAfterReceipt()
    {
        var facts = Facts("S2", "2026-11-01", "2027-03-01") with { DocumentDefective = true };

        var rule = Only(facts, "cooling-off.houmon-hanbai");

        Assert.Equal(RuleStatus.PeriodNotStarted, rule.Status);
        Assert.Null(rule.Deadline);
        Assert.Contains("書面に不備あり", rule.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ObstructionByTheBusinessKeepsThePeriodFromEnding()
    {
        var facts = Facts("S2", "2026-11-01", "2026-12-01") with { CoolingOffObstructed = true };

        var rule = Only(facts, "cooling-off.houmon-hanbai");

        Assert.Equal(RuleStatus.PeriodNotStarted, rule.Status);
        Assert.Contains(rule.Notes, n => n.Contains("妨害", StringComparison.Ordinal) && n.Contains("8日", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("K0106")]
    [InlineData("K0704")]
    public void AnExpiredPeriodWithADocumentOrObstructionKeywordAsksToCheckInstead(string keyword)
    {
        var facts = Facts("S2", "2026-11-01", "2026-11-20") with { KeywordCodes = new HashSet<string> { keyword } };

        var rule = Only(facts, "cooling-off.houmon-hanbai");

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.True(rule.DaysLeft < 0);
        Assert.NotEmpty(rule.Unconfirmed);
    }

    [Fact]
    public void NoticeIsEffectiveWhenSentAndMayBeElectronic()
    {
        var rule = Only(Facts("S2", "2026-11-01", "2026-11-02"), "cooling-off.houmon-hanbai");

        Assert.Contains(rule.Notes, n => n.Contains("発信主義", StringComparison.Ordinal) && n.Contains("2022年6月1日", StringComparison.Ordinal));
        Assert.Equal(["houmon-hanbai-cooling-off", "int-cooling-off-houmon"], rule.FaqIds.Take(2));
    }

    [Theory]
    [InlineData("S2", "0801")]
    [InlineData("S2", "0802")]
    [InlineData("S5", "0801")]
    public void CarsAreExcludedFromDoorToDoorAndTelemarketingCoolingOff(string salesForm, string product)
    {
        var rule = ApplicableRules.Evaluate(Facts(salesForm, "2026-11-01", "2026-11-02", product)).Single(s => s.Id.StartsWith("cooling-off.", StringComparison.Ordinal));

        Assert.Equal(RuleStatus.Excluded, rule.Status);
        Assert.Null(rule.Deadline);
    }

    [Theory]
    [InlineData(2_999, RuleStatus.Excluded)]
    [InlineData(3_000, RuleStatus.Applies)]
    public void CashDealsUnderThreeThousandYenHaveNoCoolingOff(long amount, RuleStatus expected)
    {
        var facts = Facts("S2", "2026-11-01", "2026-11-02") with { PaymentMethodCode = "P01", ContractAmount = amount };

        Assert.Equal(expected, Only(facts, "cooling-off.houmon-hanbai").Status);
    }

    [Fact]
    public void ASmallAmountPaidOtherwiseThanInCashKeepsTheCoolingOff()
    {
        var facts = Facts("S5", "2026-11-01", "2026-11-02") with { PaymentMethodCode = "P11", ContractAmount = 2_000 };

        Assert.Equal(RuleStatus.Applies, Only(facts, "cooling-off.denwa-kanyu").Status);
    }

    [Theory]
    [InlineData("0201")] // 健康食品
    [InlineData("0601")] // 化粧品
    public void UsedDesignatedConsumablesMayBeExcludedAndLinkTheConsumablesEntry(string product)
    {
        var facts = Facts("S2", "2026-11-01", "2026-11-02", product) with { ConsumablesUsed = true };

        var rule = Only(facts, "cooling-off.houmon-hanbai");

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Contains("shoumouhin-shiyou", rule.FaqIds);
    }

    [Fact]
    public void UnusedConsumablesKeepTheCoolingOffWithANote()
    {
        var rule = Only(Facts("S2", "2026-11-01", "2026-11-02", "0201"), "cooling-off.houmon-hanbai");

        Assert.Equal(RuleStatus.Applies, rule.Status);
        Assert.Contains(rule.Notes, n => n.Contains("最小単位", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-10", "2026-11-29")] // goods later: 20 days from the goods
    [InlineData("2026-11-10", "2026-11-01", "2026-11-29")] // document later: 20 days from the document
    public void MultiLevelMarketingCountsFromTheLaterOfDocumentAndGoods(string document, string goods, string lastDay)
    {
        var facts = new CaseFacts { Today = D("2026-11-15"), SalesFormCode = "S4", DocumentReceivedDate = D(document), GoodsReceivedDate = D(goods) };

        var rule = Only(facts, "cooling-off.rensa-hanbai");

        Assert.Equal(D(lastDay), rule.Deadline);
        Assert.Equal(RuleStatus.Applies, rule.Status);
    }

    [Fact]
    public void MultiLevelMarketingWithGoodsButNoDocumentHasNotStarted()
    {
        var facts = new CaseFacts { Today = D("2027-01-15"), SalesFormCode = "S4", GoodsReceivedDate = D("2026-11-10") };

        Assert.Equal(RuleStatus.PeriodNotStarted, Only(facts, "cooling-off.rensa-hanbai").Status);
    }

    [Fact]
    public void BusinessOpportunitySalesFiledUnderOtherNonStoreApplyForTwentyDays()
    {
        var facts = Facts("S8", "2026-11-01", "2026-11-20", "2302");

        var rule = Only(facts, "cooling-off.gyomu-teikyo");

        Assert.Equal(RuleStatus.Applies, rule.Status);
        Assert.Equal(D("2026-11-20"), rule.Deadline);
        Assert.Equal("特定商取引法第58条", rule.Law);
    }

    [Fact]
    public void ASideBusinessSoldByMailOrderMayBeBusinessOpportunitySales()
    {
        var facts = Facts("S3", "2026-11-01", "2026-11-05") with { KeywordCodes = new HashSet<string> { "K0217" } };

        var rule = Only(facts, "cooling-off.gyomu-teikyo");

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Equal(D("2026-11-20"), rule.Deadline);
    }

    [Fact]
    public void DoorToDoorPurchaseTellsTheConsumerTheyMayRefuseToHandOverTheGoods()
    {
        var rule = Only(Facts("S7", "2026-11-01", "2026-11-03", "0508"), "cooling-off.houmon-kounyu");

        Assert.Contains(rule.Notes, n => n.Contains("第58条の15", StringComparison.Ordinal));
        Assert.Equal(RuleStatus.Applies, rule.Status);
    }

    [Fact]
    public void DoorToDoorPurchaseOfFurnitureAsksWhetherTheItemIsExcluded()
    {
        Assert.Equal(RuleStatus.MayApply, Only(Facts("S7", "2026-11-01", "2026-11-03", "0301"), "cooling-off.houmon-kounyu").Status);
    }

    [Fact]
    public void AStorePurchaseWithTheCoolingOffKeywordSaysThereIsNone()
    {
        var facts = Facts("S1", "2026-11-01", "2026-11-03", "0303") with { KeywordCodes = new HashSet<string> { "K0105" } };

        var rule = Only(facts, "cooling-off.tenpo");

        Assert.Equal(RuleStatus.Excluded, rule.Status);
        Assert.Equal(["tenpo-kounyu-cooling-off"], rule.FaqIds);
    }

    [Theory]
    [InlineData("S1", null)]
    [InlineData("S3", null)]
    [InlineData("S6", null)]
    [InlineData("S9", null)]
    [InlineData(null, null)]
    public void SalesFormsWithoutCoolingOffRaiseNone(string? salesForm, string? product)
    {
        var facts = new CaseFacts { Today = D("2026-11-03"), SalesFormCode = salesForm, ProductCode = product, DocumentReceivedDate = D("2026-11-01") };

        Assert.DoesNotContain(ApplicableRules.Evaluate(facts), s => s.Id.StartsWith("cooling-off.", StringComparison.Ordinal));
    }
}
