using Yorisoi.Core.Cases;

namespace Yorisoi.Tests.Unit.Cases;

public sealed class FiscalYearTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    [Fact]
    public void LastMinuteOfMarchInJapanBelongsToThePreviousFiscalYear()
    {
        Assert.Equal(2025, FiscalYear.Of(new DateTimeOffset(2026, 3, 31, 23, 59, 0, Jst)));
        Assert.Equal(2025, FiscalYear.Of(new DateTimeOffset(2026, 3, 31, 23, 59, 59, 999, Jst)));
    }

    [Fact]
    public void FirstMomentOfAprilInJapanStartsTheNewFiscalYear()
    {
        Assert.Equal(2026, FiscalYear.Of(new DateTimeOffset(2026, 4, 1, 0, 0, 0, Jst)));
    }

    [Fact]
    public void UtcInstantsAreJudgedByTheirJapaneseDate()
    {
        // 2026-03-31T14:59:59Z is 23:59:59 JST on 31 March; one second later it is 1 April in Japan.
        Assert.Equal(2025, FiscalYear.Of(new DateTimeOffset(2026, 3, 31, 14, 59, 59, TimeSpan.Zero)));
        Assert.Equal(2026, FiscalYear.Of(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void InstantsInOtherOffsetsAreJudgedByTheirJapaneseDate()
    {
        // 10:00 on 31 March in New York (UTC-4) is 23:00 JST the same day; 11:00 is already 1 April in Japan.
        var newYork = TimeSpan.FromHours(-4);
        Assert.Equal(2025, FiscalYear.Of(new DateTimeOffset(2026, 3, 31, 10, 0, 0, newYork)));
        Assert.Equal(2026, FiscalYear.Of(new DateTimeOffset(2026, 3, 31, 11, 0, 0, newYork)));
    }

    [Theory]
    [InlineData(2026, 1, 1, 2025)]
    [InlineData(2026, 3, 1, 2025)]
    [InlineData(2026, 4, 30, 2026)]
    [InlineData(2026, 12, 31, 2026)]
    [InlineData(2027, 3, 31, 2026)]
    [InlineData(2027, 4, 1, 2027)]
    public void FiscalYearRunsFromAprilToMarch(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, FiscalYear.Of(new DateTimeOffset(year, month, day, 12, 0, 0, Jst)));
    }

    [Fact]
    public void ToJapanTimeKeepsTheInstantAndUsesNineHoursOffset()
    {
        var utc = new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero);
        var japan = FiscalYear.ToJapanTime(utc);

        Assert.Equal(utc, japan);
        Assert.Equal(Jst, japan.Offset);
        Assert.Equal(new DateTime(2026, 4, 1, 0, 30, 0), japan.DateTime);
    }
}
