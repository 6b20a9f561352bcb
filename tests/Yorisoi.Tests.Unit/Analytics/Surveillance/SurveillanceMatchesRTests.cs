using System.Globalization;
using Xunit.Abstractions;
using Yorisoi.Core.Analytics.Surveillance;

namespace Yorisoi.Tests.Unit.Analytics.Surveillance;

/// <summary>
/// Every case of fixtures/manifest.csv, evaluated in C# and compared week by week with what R's surveillance package
/// gave: the same weeks, alarms identical, expected values and upper bounds within 1e-6 relative and NA together.
/// </summary>
public sealed class SurveillanceMatchesRTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-6;

    public static TheoryData<string> Cases => new(SurveillanceFixture.CaseIds);

    [Fact]
    public void ManifestCoversBothMethodsAndEveryOption()
    {
        var rows = SurveillanceFixture.CaseIds.Select(SurveillanceFixture.Case).ToList();
        Assert.True(rows.Count >= 300, $"only {rows.Count} cases");
        foreach (var column in new[] { "b", "w", "reweight", "weightsThreshold", "alpha", "trend", "pThresholdTrend",
                     "limit54", "powertrans", "noPeriods", "pastWeeksNotIncluded", "thresholdMethod" })
        {
            Assert.Contains(rows, row => row["method"] == "farrington" && row[column].Length > 0);
        }

        foreach (var column in new[] { "baseline", "minSigma", "alpha" })
        {
            foreach (var method in new[] { "C1", "C2", "C3" })
            {
                Assert.Contains(rows, row => row["method"] == method && row[column].Length > 0);
            }
        }

        Assert.Equal(["1/2", "none"], rows.Select(row => row["powertrans"]).Where(v => v.Length > 0).Distinct().Order());
        Assert.Equal(["delta", "muan", "nbPlugin"], rows.Select(row => row["thresholdMethod"]).Where(v => v.Length > 0).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CaseMatchesR(string caseId)
    {
        var row = SurveillanceFixture.Case(caseId);
        var counts = SurveillanceFixture.Series(row["series"]);
        var isFarrington = row["method"] == "farrington";
        var weeks = isFarrington
            ? FarringtonFlexible.Evaluate(counts, SurveillanceFixture.FarringtonOptions(row))
            : EarsC.Evaluate(counts, SurveillanceFixture.EarsOptions(row));
        var expected = SurveillanceFixture.Results(caseId);

        Assert.Equal(expected.Select(r => int.Parse(r["week_index"], CultureInfo.InvariantCulture)),
            weeks.Select(w => w.WeekIndex));
        var worstExpected = 0.0;
        var worstUpper = 0.0;
        for (var i = 0; i < weeks.Count; i++)
        {
            var r = expected[i];
            var week = weeks[i];
            var where = $"{caseId}, week {week.WeekIndex}";
            Assert.True(SurveillanceFixture.OptionalFlag(r["alarm"]) == week.Alarm,
                $"{where}: alarm {week.Alarm?.ToString() ?? "NA"}, R {r["alarm"]}");
            worstExpected = Math.Max(worstExpected, Deviation(where, "expected", SurveillanceFixture.OptionalNumber(r["expected"]), week.Expected));
            worstUpper = Math.Max(worstUpper, Deviation(where, "upperbound", SurveillanceFixture.OptionalNumber(r["upperbound"]), week.UpperBound));
            if (isFarrington)
            {
                Assert.True(SurveillanceFixture.OptionalNumber(r["trend"]) is { } trend ? week.TrendKept == (trend == 1) : week.TrendKept is null,
                    $"{where}: trend kept {week.TrendKept}, R {r["trend"]}");
            }
        }

        output.WriteLine($"{caseId}: {weeks.Count} weeks, max relative deviation expected {worstExpected:E2}, upperbound {worstUpper:E2}");
    }

    private static double Deviation(string where, string column, double? r, double? actual)
    {
        Assert.True(r.HasValue == actual.HasValue, $"{where}: {column} {actual?.ToString("R", CultureInfo.InvariantCulture) ?? "NA"}, R {r?.ToString("R", CultureInfo.InvariantCulture) ?? "NA"}");
        if (r is not { } a || actual is not { } b || a == b)
        {
            return 0;
        }

        var deviation = Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));
        Assert.True(deviation <= RelativeTolerance, $"{where}: {column} {b:R}, R {a:R} (relative deviation {deviation:E2})");
        return deviation;
    }
}
