using Yorisoi.Core.Assistance.Rules;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class RescissionRuleTests
{
    private static readonly HashSet<string> RepeatedSales = ["K0213"];

    [Theory]
    [InlineData("S2", "kaaryou.houmon-hanbai", "特定商取引法第9条の2")]
    [InlineData("S5", "kaaryou.denwa-kanyu", "特定商取引法第24条の2")]
    public void ExcessiveSalesCanBeCancelledUntilOneYearAfterTheContract(string salesForm, string id, string law)
    {
        var facts = new CaseFacts { Today = D("2026-04-10"), SalesFormCode = salesForm, ContractDate = D("2025-04-10"), KeywordCodes = RepeatedSales };

        var rule = Only(facts, id);

        Assert.Equal(D("2026-04-10"), rule.Deadline);
        Assert.Equal(0, rule.DaysLeft);
        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Equal(law, rule.Law);
    }

    [Fact]
    public void ExcessiveSalesCancellationExpiresTheDayAfterTheYear()
    {
        var facts = new CaseFacts { Today = D("2026-04-11"), SalesFormCode = "S2", ContractDate = D("2025-04-10"), KeywordCodes = RepeatedSales };

        Assert.Equal(RuleStatus.Expired, Only(facts, "kaaryou.houmon-hanbai").Status);
    }

    [Fact]
    public void TheNarrativeRaisesExcessiveSales()
    {
        var facts = new CaseFacts { Today = D("2026-01-10"), SalesFormCode = "S2", ContractDate = D("2025-12-01"), Narrative = "母が布団を次々に買わされ、使い切れないほどある。" };

        Assert.Equal(D("2026-12-01"), Only(facts, "kaaryou.houmon-hanbai").Deadline);
    }

    [Fact]
    public void InAStoreExcessiveSalesIsTheConsumerContractActsExcessiveContract()
    {
        var facts = new CaseFacts { Today = D("2026-01-10"), SalesFormCode = "S1", ContractDate = D("2025-12-01"), KeywordCodes = RepeatedSales };

        Absent(facts, "kaaryou.houmon-hanbai");
        var rule = Only(facts, "shokeiho.karyou-keiyaku");
        Assert.Equal("消費者契約法第4条第4項", rule.Law);
        Assert.Equal(D("2030-12-01"), rule.Deadline);
    }

    [Theory]
    [InlineData("2026-05-01", 17, RuleStatus.Applies)]
    [InlineData("2026-05-01", 18, RuleStatus.Excluded)]
    [InlineData("2022-03-31", 19, RuleStatus.Applies)] // before the reform, under 20 was a minor
    [InlineData("2022-04-01", 19, RuleStatus.Excluded)]
    public void TheAgeOfMajorityOnTheContractDateDecides(string contract, int age, RuleStatus expected)
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), ContractDate = D(contract), AgeAtContract = age, RepresentativeConsented = false };

        Assert.Equal(expected, Only(facts, "miseinen.torikeshi").Status);
    }

    [Fact]
    public void OnlyTheAgeBandUnderTwentyAsksForTheAgeAtTheContract()
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2026-05-01"), AgeBandCode = "A1" };

        var rule = Only(facts, "miseinen.torikeshi");

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Contains(rule.Unconfirmed, u => u.Contains("18歳未満", StringComparison.Ordinal));
        Assert.Null(rule.Deadline);
    }

    [Fact]
    public void AnAdultsAgeAloneRaisesNoMinorRule()
    {
        Absent(new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2026-05-01"), AgeAtContract = 35 }, "miseinen.torikeshi");
    }

    [Fact]
    public void TheRepresentativesConsentExcludesRescission()
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2026-05-01"), AgeAtContract = 16, RepresentativeConsented = true };

        Assert.Equal(RuleStatus.Excluded, Only(facts, "miseinen.torikeshi").Status);
    }

    [Fact]
    public void WithTheBirthDateTheDeadlineIsFiveYearsFromComingOfAge()
    {
        // Born 2009-05-10: 16 on 2026-05-01, of age on 2027-05-10, five years end 2032-05-09.
        var facts = new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2026-05-01"), BirthDate = D("2009-05-10"), RepresentativeConsented = false };

        var rule = Only(facts, "miseinen.torikeshi");

        Assert.Equal(RuleStatus.Applies, rule.Status);
        Assert.Equal(D("2032-05-09"), rule.Deadline);
        Assert.Contains("契約時の年齢：16歳", rule.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ANineteenYearOldsContractBeforeTheReformRunsFromTheReformDay()
    {
        // Born 2002-06-01: 19 on 2022-03-01, of age on 2022-04-01; five years end 2027-03-31.
        var facts = new CaseFacts { Today = D("2027-03-31"), ContractDate = D("2022-03-01"), BirthDate = D("2002-06-01"), RepresentativeConsented = false };

        var rule = Only(facts, "miseinen.torikeshi");

        Assert.Equal(D("2027-03-31"), rule.Deadline);
        Assert.Equal(0, rule.DaysLeft);
        Assert.Equal(RuleStatus.Expired, Only(facts with { Today = D("2027-04-01") }, "miseinen.torikeshi").Status);
    }

    [Fact]
    public void WithoutConsentKnownTheMinorRuleAsksAndNamesTheExceptions()
    {
        var rule = Only(new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2026-05-01"), AgeAtContract = 15 }, "miseinen.torikeshi");

        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Contains("第21条", rule.Condition, StringComparison.Ordinal);
        Assert.Contains("第5条第3項", rule.Condition, StringComparison.Ordinal);
        Assert.Contains("第6条", rule.Condition, StringComparison.Ordinal);
    }

    [Fact]
    public void SpiritualSalesHaveTenYearsFromTheContract()
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), SalesFormCode = "S1", ContractDate = D("2020-06-01"), Narrative = "先祖の因縁で家族に不幸が起きると言われ、数珠を買った。" };

        var rule = Only(facts, "shokeiho.reikan");

        Assert.Equal("消費者契約法第4条第3項第8号", rule.Law);
        Assert.Equal(D("2030-06-01"), rule.Deadline);
        Assert.Equal(RuleStatus.MayApply, rule.Status);
        Assert.Contains(rule.Notes, n => n.Contains("3年", StringComparison.Ordinal) && n.Contains("要確認", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("「必ずもうかる」と言われて契約した。", "shokeiho.danteiteki-handan", "消費者契約法第4条第1項第2号")]
    [InlineData("説明と違う商品だった。", "shokeiho.fujitsu-kokuchi", "消費者契約法第4条第1項第1号")]
    [InlineData("帰ってくれないので契約した。", "shokeiho.futaikyo-taikyo-bougai", "消費者契約法第4条第3項第1号・第2号")]
    [InlineData("好意を持たせて契約させられた。", "shokeiho.koui-kanjou", "消費者契約法第4条第3項第6号")]
    public void TheNarrativeRaisesTheGroundsWithFiveYearsFromTheContract(string narrative, string id, string law)
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), SalesFormCode = "S1", ContractDate = D("2025-06-01"), Narrative = narrative };

        var rule = Only(facts, id);

        Assert.Equal(law, rule.Law);
        Assert.Equal(D("2030-06-01"), rule.Deadline);
    }

    [Fact]
    public void TheFiveYearLimitExpiresTheDayAfter()
    {
        var facts = new CaseFacts { Today = D("2030-06-02"), ContractDate = D("2025-06-01"), Narrative = "必ずもうかると言われた。" };

        Assert.Equal(RuleStatus.Expired, Only(facts, "shokeiho.danteiteki-handan").Status);
    }

    [Fact]
    public void TheConsumerContractActKeywordAloneRaisesTheGeneralCheck()
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2025-06-01"), KeywordCodes = new HashSet<string> { "K0802" } };

        var rule = Only(facts, "shokeiho.torikeshi");

        Assert.Contains("第3項第1号〜第10号", rule.Condition, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAContractDateTheRescissionAsksForIt()
    {
        var rule = Only(new CaseFacts { Today = D("2026-06-01"), Narrative = "必ずもうかると言われた。" }, "shokeiho.danteiteki-handan");

        Assert.Null(rule.Deadline);
        Assert.Contains(rule.Unconfirmed, u => u.Contains("契約日", StringComparison.Ordinal));
    }

    [Fact]
    public void ImpairedJudgementNeedsTheKeywordOrAnElderlyConsumer()
    {
        var young = new CaseFacts { Today = D("2026-06-01"), ContractDate = D("2026-05-01"), AgeBandCode = "A3", Narrative = "一人暮らしで契約した。" };

        Absent(young, "shokeiho.handanryoku-teika");
        Assert.Equal("消費者契約法第4条第3項第7号", Only(young with { AgeBandCode = "A8" }, "shokeiho.handanryoku-teika").Law);
    }

    [Theory]
    [InlineData("K0103", null)]
    [InlineData(null, "キャンセル料を全額請求された。")]
    public void CancellationFeesRaiseTheUnfairTermsRuleWithoutADeadline(string? keyword, string? narrative)
    {
        var facts = new CaseFacts
        {
            Today = D("2026-06-01"),
            KeywordCodes = keyword is null ? new HashSet<string>() : new HashSet<string> { keyword },
            Narrative = narrative ?? "",
        };

        var rule = Only(facts, "futou-jouko.kaiyakuryo");

        Assert.Null(rule.Deadline);
        Assert.Null(rule.DaysLeft);
        Assert.StartsWith("消費者契約法第9条第1項第1号", rule.Law, StringComparison.Ordinal);
        Assert.Equal(["kaiyakuryo-takai", "int-kaiyakuryo-9jo"], rule.FaqIds);
    }

    [Fact]
    public void InDoorToDoorSalesAFalseStatementAlsoPointsToTheSpecifiedCommercialTransactionsAct()
    {
        var facts = new CaseFacts { Today = D("2026-06-01"), SalesFormCode = "S2", ContractDate = D("2026-05-01"), Narrative = "説明と違う。帰ってくれなかった。" };

        Assert.Contains(Only(facts, "shokeiho.fujitsu-kokuchi").Notes, n => n.Contains("第9条の3", StringComparison.Ordinal));
        Assert.DoesNotContain(Only(facts, "shokeiho.futaikyo-taikyo-bougai").Notes, n => n.Contains("第9条の3", StringComparison.Ordinal));
    }
}
