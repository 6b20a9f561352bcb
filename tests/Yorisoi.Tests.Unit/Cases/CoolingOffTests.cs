using Yorisoi.Core.Cases;

namespace Yorisoi.Tests.Unit.Cases;

public sealed class CoolingOffTests
{
    [Theory]
    [InlineData("S2", "2026-11-08")] // 訪問販売: 8 days, counting the day the document was received
    [InlineData("S5", "2026-11-08")] // 電話勧誘販売
    [InlineData("S7", "2026-11-08")] // 訪問購入
    [InlineData("S4", "2026-11-20")] // 連鎖販売取引: 20 days
    public void DeadlineCountsFromTheDayTheLegalDocumentWasReceived(string salesForm, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CoolingOff.Deadline(salesForm, new DateOnly(2026, 11, 1)));
    }

    [Theory]
    [InlineData("S1")] // 店舗購入
    [InlineData("S3")] // 通信販売 has no statutory cooling-off
    [InlineData("S6")]
    [InlineData("S8")]
    [InlineData("S9")]
    [InlineData(null)]
    public void SalesFormsWithoutCoolingOffHaveNoDeadline(string? salesForm)
    {
        Assert.Null(CoolingOff.Deadline(salesForm, new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void NoDeadlineWithoutTheDateTheDocumentWasReceived()
    {
        Assert.Null(CoolingOff.Deadline("S2", null));
    }

    [Fact]
    public void DeadlineCrossesMonthAndYearEnds()
    {
        Assert.Equal(new DateOnly(2027, 1, 2), CoolingOff.Deadline("S2", new DateOnly(2026, 12, 26)));
    }
}
