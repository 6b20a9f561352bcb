using Yorisoi.Core.Assistance.Rules;
using static Yorisoi.Tests.Unit.Assistance.Rules.RuleAssert;

namespace Yorisoi.Tests.Unit.Assistance.Rules;

public sealed class LegalPeriodsTests
{
    [Theory]
    [InlineData("2026-11-01", 8, "2026-11-08")]
    [InlineData("2026-11-01", 20, "2026-11-20")]
    [InlineData("2026-12-26", 8, "2027-01-02")]
    [InlineData("2026-12-26", 20, "2027-01-14")]
    [InlineData("2028-02-22", 8, "2028-02-29")]
    [InlineData("2027-02-22", 8, "2027-03-01")]
    public void DayOfReceiptCountsAsDayOne(string received, int days, string lastDay)
    {
        Assert.Equal(D(lastDay), LegalPeriods.LastDayCountingFrom(D(received), days));
    }

    [Theory]
    [InlineData("2025-04-10", 1, "2026-04-10")]
    [InlineData("2023-02-28", 1, "2024-02-29")] // starts 1 March 2023, ends the day before 1 March 2024
    [InlineData("2024-02-28", 1, "2025-02-28")] // starts 29 February: no such day in 2025, ends at the end of February
    [InlineData("2024-02-29", 1, "2025-02-28")]
    [InlineData("2024-02-28", 4, "2028-02-28")] // 29 February 2028 exists: ends the day before it
    [InlineData("2025-12-31", 5, "2030-12-31")]
    public void YearsFromAnActStartTheNextDayAndEndTheDayBeforeTheCorrespondingDay(string act, int years, string lastDay)
    {
        Assert.Equal(D(lastDay), LegalPeriods.YearsFromAct(D(act), years));
    }

    [Theory]
    [InlineData("2008-05-10", 18, "2026-05-10")]
    [InlineData("2008-02-29", 18, "2026-03-01")]
    [InlineData("2008-02-29", 20, "2028-02-29")]
    public void AnAgeIsReachedOnTheBirthday(string birth, int age, string firstDay)
    {
        Assert.Equal(D(firstDay), LegalPeriods.FirstDayOfAge(D(birth), age));
    }

    [Theory]
    [InlineData("2008-05-10", "2026-05-09", 17)]
    [InlineData("2008-05-10", "2026-05-10", 18)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    public void AgeOnADateCountsFromTheBirthday(string birth, string on, int age)
    {
        Assert.Equal(age, LegalPeriods.AgeOn(D(birth), D(on)));
    }

    [Theory]
    [InlineData("2001-05-01", "2021-05-01")] // 20 before the reform
    [InlineData("2002-04-02", "2022-04-01")] // 19 on the reform day: of age that day
    [InlineData("2004-04-01", "2022-04-01")] // 18 on the reform day
    [InlineData("2004-04-02", "2022-04-02")] // 18 the day after the reform
    [InlineData("2008-05-10", "2026-05-10")]
    public void MajorityFollowsTheLawInForceWhenItIsReached(string birth, string majority)
    {
        Assert.Equal(D(majority), LegalPeriods.MajorityDate(D(birth)));
    }

    [Theory]
    [InlineData("2022-03-31", 20)]
    [InlineData("2022-04-01", 18)]
    public void AgeOfMajorityDependsOnTheContractDate(string contract, int age)
    {
        Assert.Equal(age, LegalPeriods.MajorityAgeOn(D(contract)));
    }
}
