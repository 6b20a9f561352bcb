using Yorisoi.Core.Analytics.Surveillance;

namespace Yorisoi.Tests.Unit.Analytics.Surveillance;

public sealed class WeeklySeriesCsvTests
{
    [Fact]
    public void ReadsConsecutiveWeeksWithByteOrderMarkAndWindowsLineEnds()
    {
        var counts = Read("\uFEFFweek_index,count\r\n1,4\r\n2,0\r\n3, 12\r\n\r\n");

        Assert.Equal([4, 0, 12], counts);
    }

    [Theory]
    [InlineData("week,count\n1,2\n", 1, "expected the header 'week_index,count'")]
    [InlineData("count,week_index\n1,2\n", 1, "expected the header 'week_index,count'")]
    [InlineData("", 1, "the file is empty")]
    [InlineData("week_index,count\n", 2, "no weeks")]
    [InlineData("week_index,count\n1,2\n2,3\n4,1\n", 4, "week_index 4 leaves a gap")]
    [InlineData("week_index,count\n2,5\n", 2, "expected 1")]
    [InlineData("week_index,count\n1,2\n1,2\n", 3, "out of order")]
    [InlineData("week_index,count\n1,2\n2,-1\n", 3, "count -1 of week 2 is negative")]
    [InlineData("week_index,count\n1,2.5\n", 2, "count '2.5' of week 1 is not a whole number")]
    [InlineData("week_index,count\n1,many\n", 2, "not a whole number")]
    [InlineData("week_index,count\n1,\n", 2, "not a whole number")]
    [InlineData("week_index,count\nfirst,3\n", 2, "week_index 'first' is not a whole number")]
    [InlineData("week_index,count\n1,2,3\n", 2, "expected two fields")]
    [InlineData("week_index,count\n1,2\n\n2,3\n", 3, "blank line")]
    public void RefusesBadInputNamingTheLine(string text, int line, string problem)
    {
        var error = Assert.Throws<WeeklySeriesFormatException>(() => Read(text));

        Assert.Equal(line, error.LineNumber);
        Assert.StartsWith($"Line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesTheResultHeaderNumbersAsRoundTripAndNaWhereThereIsNoValue()
    {
        var writer = new StringWriter();

        WeeklySeriesCsv.Write(writer,
        [
            new SurveillanceWeek(264, 10, 1.5428571429485587, 4.892653117320493, true, false),
            new SurveillanceWeek(265, 0, null, null, false, false),
            new SurveillanceWeek(266, 3, 2.5, null, null),
        ]);

        Assert.Equal(
            "week_index,observed,expected,upperbound,alarm\n" +
            "264,10,1.5428571429485587,4.892653117320493,TRUE\n" +
            "265,0,NA,NA,FALSE\n" +
            "266,3,2.5,NA,NA\n",
            writer.ToString());
    }

    private static IReadOnlyList<int> Read(string text) => WeeklySeriesCsv.Read(new StringReader(text));
}
