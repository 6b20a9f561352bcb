namespace Yorisoi.Core.Analytics.Surveillance;

public enum EarsMethod
{
    /// <summary>C1: the baseline is the weeks just before the current one.</summary>
    C1,

    /// <summary>C2: the baseline ends two weeks before the current one (a lag of 2).</summary>
    C2,

    /// <summary>C3: C2 plus the C2 statistics of the two previous weeks.</summary>
    C3,
}

/// <summary>The control options of R's earsC (surveillance 1.20.3), with the package's defaults.</summary>
public sealed record EarsOptions
{
    public EarsMethod Method { get; init; } = EarsMethod.C1;

    /// <summary>baseline: the number of weeks whose mean and standard deviation the bound is built on (at least 3).</summary>
    public int Baseline { get; init; } = 7;

    /// <summary>minSigma: the standard deviation is taken as at least this.</summary>
    public double MinSigma { get; init; }

    /// <summary>alpha: the bound is the (1 - alpha) normal quantile; null is the package's 0.001 for C1 and C2, 0.025 for C3.</summary>
    public double? Alpha { get; init; }

    public double EffectiveAlpha => Alpha ?? (Method == EarsMethod.C3 ? 0.025 : 0.001);

    /// <summary>
    /// The first week the package evaluates: baseline + 1 for C1, baseline + 3 for C2, baseline + 5 for C3.
    /// </summary>
    public int FirstEvaluableWeek => Baseline + Method switch
    {
        EarsMethod.C1 => 1,
        EarsMethod.C2 => 3,
        _ => 5,
    };

    /// <summary>
    /// The shortest series the package evaluates. For C3 that is one week more than <see cref="FirstEvaluableWeek"/>:
    /// given a single week to evaluate, earsC stops with an error.
    /// </summary>
    public int MinimumLength => FirstEvaluableWeek + (Method == EarsMethod.C3 ? 1 : 0);

    public void Validate()
    {
        if (Baseline < 3)
        {
            throw new ArgumentException($"baseline must be at least 3 weeks (got {Baseline}).");
        }

        if (!(MinSigma >= 0) || double.IsInfinity(MinSigma))
        {
            throw new ArgumentException($"minSigma must be a number of at least 0 (got {MinSigma}).");
        }

        if (!(EffectiveAlpha > 0 && EffectiveAlpha < 1))
        {
            throw new ArgumentException($"alpha must be between 0 and 1, exclusive (got {EffectiveAlpha}).");
        }
    }
}

/// <summary>
/// R's earsC (surveillance 1.20.3): CDC's EARS C1, C2 and C3 on one weekly series. The package reports no expected
/// value; <see cref="SurveillanceWeek.Expected"/> here is the mean of the baseline the week's bound is built on (for
/// C3 the C2 baseline of the week itself). A bound that is not a number (a constant baseline with minSigma 0 in C3)
/// gives no bound and no alarm decision, as NA in R.
/// </summary>
public static class EarsC
{
    public static IReadOnlyList<SurveillanceWeek> Evaluate(IReadOnlyList<int> counts, EarsOptions options)
    {
        options.Validate();
        if (counts.Count < options.MinimumLength)
        {
            throw new SeriesTooShortException(
                $"The series has {counts.Count} weeks; EARS {options.Method} with a baseline of {options.Baseline} weeks needs at least {options.MinimumLength}.");
        }

        var z = Distributions.NormalQuantile(1 - options.EffectiveAlpha);
        var weeks = new List<SurveillanceWeek>(counts.Count - options.FirstEvaluableWeek + 1);
        for (var week = options.FirstEvaluableWeek; week <= counts.Count; week++)
        {
            var observed = counts[week - 1];
            double mean;
            double upper;
            if (options.Method == EarsMethod.C1)
            {
                (mean, var sd) = MeanAndDeviation(counts, week - options.Baseline, options.Baseline);
                upper = mean + (z * Math.Max(sd, options.MinSigma));
            }
            else if (options.Method == EarsMethod.C2)
            {
                (mean, var sd) = LaggedBaseline(counts, week, options);
                upper = mean + (z * Math.Max(sd, options.MinSigma));
            }
            else
            {
                (mean, var sd) = LaggedBaseline(counts, week, options);
                var lag2 = Math.Max(0, C2Statistic(counts, week - 2, options) - 1);
                var lag1 = Math.Max(0, C2Statistic(counts, week - 1, options) - 1);
                upper = Math.Max(0, observed + (Math.Max(sd, options.MinSigma) * (z - (lag2 + lag1))));
            }

            weeks.Add(double.IsNaN(upper)
                ? new SurveillanceWeek(week, observed, mean, null, null)
                : new SurveillanceWeek(week, observed, mean, upper, observed > upper));
        }

        return weeks;
    }

    private static double C2Statistic(IReadOnlyList<int> counts, int week, EarsOptions options)
    {
        var (mean, sd) = LaggedBaseline(counts, week, options);
        return (counts[week - 1] - mean) / Math.Max(sd, options.MinSigma);
    }

    private static (double Mean, double Deviation) LaggedBaseline(IReadOnlyList<int> counts, int week,
        EarsOptions options) => MeanAndDeviation(counts, week - options.Baseline - 2, options.Baseline);

    // The sample standard deviation (n - 1) by two passes, as R's sd.
    private static (double Mean, double Deviation) MeanAndDeviation(IReadOnlyList<int> counts, int firstWeek,
        int length)
    {
        var sum = 0.0;
        for (var i = 0; i < length; i++)
        {
            sum += counts[firstWeek - 1 + i];
        }

        var mean = sum / length;
        var squares = 0.0;
        for (var i = 0; i < length; i++)
        {
            var difference = counts[firstWeek - 1 + i] - mean;
            squares += difference * difference;
        }

        return (mean, Math.Sqrt(squares / (length - 1)));
    }
}
