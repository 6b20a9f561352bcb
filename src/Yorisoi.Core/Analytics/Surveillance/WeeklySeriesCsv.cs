using System.Globalization;

namespace Yorisoi.Core.Analytics.Surveillance;

/// <summary>A line of a weekly series file that cannot be read; <see cref="LineNumber"/> is 1-based, the header being line 1.</summary>
public sealed class WeeklySeriesFormatException(int lineNumber, string problem)
    : FormatException($"Line {lineNumber}: {problem}")
{
    public int LineNumber { get; } = lineNumber;
}

/// <summary>
/// Reads a weekly count series (header <c>week_index,count</c>, weeks 1, 2, 3 … without gaps, counts as non-negative
/// integers) and writes surveillance results (<c>week_index,observed,expected,upperbound,alarm</c>, NA where the
/// method gives no value, alarms as TRUE/FALSE as R writes them).
/// </summary>
public static class WeeklySeriesCsv
{
    public const string InputHeader = "week_index,count";
    public const string OutputHeader = "week_index,observed,expected,upperbound,alarm";

    public static IReadOnlyList<int> Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new WeeklySeriesFormatException(1, $"the file is empty; expected the header '{InputHeader}'.");
        }

        if (!string.Equals(header.TrimStart('\uFEFF').Trim(), InputHeader, StringComparison.Ordinal))
        {
            throw new WeeklySeriesFormatException(1, $"expected the header '{InputHeader}', found '{header}'.");
        }

        var counts = new List<int>();
        var lineNumber = 1;
        var blankLine = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                blankLine = blankLine == 0 ? lineNumber : blankLine;
                continue;
            }

            if (blankLine != 0)
            {
                throw new WeeklySeriesFormatException(blankLine, "blank line between weeks.");
            }

            var fields = line.Split(',');
            if (fields.Length != 2)
            {
                throw new WeeklySeriesFormatException(lineNumber,
                    $"expected two fields, week_index and count, found {fields.Length}: '{line}'.");
            }

            var expectedWeek = counts.Count + 1;
            if (!int.TryParse(fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var week))
            {
                throw new WeeklySeriesFormatException(lineNumber,
                    $"week_index '{fields[0]}' is not a whole number; expected {expectedWeek}.");
            }

            if (week != expectedWeek)
            {
                throw new WeeklySeriesFormatException(lineNumber, week > expectedWeek
                    ? $"week_index {week} leaves a gap: weeks must be consecutive from 1, expected {expectedWeek}."
                    : $"week_index {week} is out of order: weeks must be consecutive from 1, expected {expectedWeek}.");
            }

            var countText = fields[1].Trim();
            if (!int.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                throw new WeeklySeriesFormatException(lineNumber,
                    $"count '{fields[1]}' of week {week} is not a whole number.");
            }

            if (count < 0)
            {
                throw new WeeklySeriesFormatException(lineNumber, $"count {count} of week {week} is negative.");
            }

            counts.Add(count);
        }

        if (counts.Count == 0)
        {
            throw new WeeklySeriesFormatException(lineNumber + 1, "the file holds no weeks after the header.");
        }

        return counts;
    }

    public static void Write(TextWriter writer, IEnumerable<SurveillanceWeek> weeks)
    {
        writer.Write(OutputHeader + "\n");
        foreach (var week in weeks)
        {
            writer.Write(string.Join(',',
                week.WeekIndex.ToString(CultureInfo.InvariantCulture),
                week.Observed.ToString(CultureInfo.InvariantCulture),
                Number(week.Expected),
                Number(week.UpperBound),
                week.Alarm switch { true => "TRUE", false => "FALSE", null => "NA" }) + "\n");
        }
    }

    private static string Number(double? value) =>
        value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "NA";
}
