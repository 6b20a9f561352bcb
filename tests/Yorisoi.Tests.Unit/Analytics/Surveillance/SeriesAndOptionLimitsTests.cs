using Yorisoi.Core.Analytics.Surveillance;

namespace Yorisoi.Tests.Unit.Analytics.Surveillance;

public sealed class SeriesAndOptionLimitsTests
{
    [Fact]
    public void FarringtonNeedsBYearsAndWPlusOneWeeks()
    {
        var error = Assert.Throws<SeriesTooShortException>(() =>
            FarringtonFlexible.Evaluate(Weeks(263), new FarringtonOptions()));

        Assert.Contains("has 263 weeks", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs at least 264", error.Message, StringComparison.Ordinal);
        Assert.Equal([264], FarringtonFlexible.Evaluate(Weeks(264), new FarringtonOptions()).Select(w => w.WeekIndex));
    }

    [Fact]
    public void FarringtonFirstWeekFollowsBAndW()
    {
        var options = new FarringtonOptions { YearsBack = 2, WindowHalfWidth = 1 };

        Assert.Throws<SeriesTooShortException>(() => FarringtonFlexible.Evaluate(Weeks(105), options));
        Assert.Equal(106, FarringtonFlexible.Evaluate(Weeks(120), options)[0].WeekIndex);
    }

    [Theory]
    [InlineData(EarsMethod.C1, 7, 8)]
    [InlineData(EarsMethod.C2, 7, 10)]
    [InlineData(EarsMethod.C3, 7, 13)]
    [InlineData(EarsMethod.C1, 3, 4)]
    [InlineData(EarsMethod.C3, 28, 34)]
    public void EarsNeedsItsBaselineAndLag(EarsMethod method, int baseline, int minimumLength)
    {
        var options = new EarsOptions { Method = method, Baseline = baseline };

        var error = Assert.Throws<SeriesTooShortException>(() => EarsC.Evaluate(Weeks(minimumLength - 1), options));
        Assert.Contains($"needs at least {minimumLength}", error.Message, StringComparison.Ordinal);
        var weeks = EarsC.Evaluate(Weeks(minimumLength), options);
        Assert.Equal(options.FirstEvaluableWeek, weeks[0].WeekIndex);
        Assert.Equal(minimumLength, weeks[^1].WeekIndex);
    }

    public static TheoryData<FarringtonOptions, string> BadFarringtonOptions => new()
    {
        { new FarringtonOptions { YearsBack = 0 }, "b must be at least 1" },
        { new FarringtonOptions { WindowHalfWidth = -1 }, "w must be at least 0" },
        { new FarringtonOptions { Alpha = 1 }, "alpha must be between 0 and 1" },
        { new FarringtonOptions { Alpha = 0 }, "alpha must be between 0 and 1" },
        { new FarringtonOptions { TrendPValueThreshold = 1.5 }, "pThresholdTrend must be between 0 and 1" },
        { new FarringtonOptions { Limit54Weeks = 0 }, "limit54" },
        { new FarringtonOptions { Limit54Cases = -1 }, "limit54" },
        { new FarringtonOptions { Periods = 0 }, "noPeriods must be at least 1" },
        { new FarringtonOptions { Periods = 47 }, "noPeriods must be between 1 and 46 for w = 3" },
        { new FarringtonOptions { WindowHalfWidth = 26, Periods = 2 }, "noPeriods must be 1 for w = 26" },
        { new FarringtonOptions { PastWeeksNotIncluded = -1 }, "pastWeeksNotIncluded must be between 0 and 263" },
        { new FarringtonOptions { PastWeeksNotIncluded = 264 }, "pastWeeksNotIncluded must be between 0 and 263" },
    };

    [Theory]
    [MemberData(nameof(BadFarringtonOptions))]
    public void FarringtonRefusesOptionsOutOfRange(FarringtonOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => FarringtonFlexible.Evaluate(Weeks(400), options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FarringtonRefusesABaselineWithNoDegreesOfFreedomLeft()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FarringtonFlexible.Evaluate(Weeks(120), new FarringtonOptions { YearsBack = 1, WindowHalfWidth = 0 }));

        Assert.Contains("Week 53: only 1 baseline weeks remain", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<EarsOptions, string> BadEarsOptions => new()
    {
        { new EarsOptions { Baseline = 2 }, "baseline must be at least 3" },
        { new EarsOptions { MinSigma = -0.5 }, "minSigma must be a number of at least 0" },
        { new EarsOptions { Method = EarsMethod.C3, Alpha = 1.5 }, "alpha must be between 0 and 1" },
    };

    [Theory]
    [MemberData(nameof(BadEarsOptions))]
    public void EarsRefusesOptionsOutOfRange(EarsOptions options, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => EarsC.Evaluate(Weeks(100), options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsAreThePackages()
    {
        var farrington = new FarringtonOptions();
        Assert.Equal((5, 3, true, 2.58, 0.05, true, 0.05, 5, 4, 1, 3),
            (farrington.YearsBack, farrington.WindowHalfWidth, farrington.Reweight, farrington.WeightsThreshold,
                farrington.Alpha, farrington.FitTrend, farrington.TrendPValueThreshold, farrington.Limit54Cases,
                farrington.Limit54Weeks, farrington.Periods, farrington.EffectivePastWeeksNotIncluded));
        Assert.Equal(FarringtonPowerTransform.TwoThirds, farrington.PowerTransform);
        Assert.Equal(FarringtonThresholdMethod.Delta, farrington.ThresholdMethod);
        Assert.Equal(0.001, new EarsOptions { Method = EarsMethod.C2 }.EffectiveAlpha);
        Assert.Equal(0.025, new EarsOptions { Method = EarsMethod.C3 }.EffectiveAlpha);
        Assert.Equal((7, 0.0), (new EarsOptions().Baseline, new EarsOptions().MinSigma));
    }

    // A seasonal series with an outbreak-like bump, long enough for every default.
    private static int[] Weeks(int length) =>
        Enumerable.Range(1, length).Select(i => 3 + (int)(2 * Math.Sin(i * 2 * Math.PI / 52)) + (i % 7 == 0 ? 4 : 0)).ToArray();
}
