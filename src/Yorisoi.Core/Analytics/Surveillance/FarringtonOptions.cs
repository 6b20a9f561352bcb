namespace Yorisoi.Core.Analytics.Surveillance;

/// <summary>How the upper bound is taken from the fitted model (farringtonFlexible's thresholdMethod).</summary>
public enum FarringtonThresholdMethod
{
    /// <summary>"delta": a normal quantile of the power-transformed count (Farrington et al. 1996).</summary>
    Delta,

    /// <summary>"nbPlugin": a negative binomial quantile around the fitted mean (Noufaily et al. 2013).</summary>
    NbPlugin,

    /// <summary>"muan": a negative binomial quantile around the upper quantile of the fitted mean.</summary>
    Muan,
}

/// <summary>The power transformation of the delta threshold (farringtonFlexible's powertrans).</summary>
public enum FarringtonPowerTransform
{
    /// <summary>"2/3": corrects the skewness of the count.</summary>
    TwoThirds,

    /// <summary>"1/2": stabilises the variance.</summary>
    Half,

    /// <summary>"none".</summary>
    None,
}

/// <summary>
/// The control options of R's farringtonFlexible (surveillance 1.20.3), with the package's defaults. Population
/// offsets are not supported. <see cref="Original1996"/> and <see cref="Noufaily2013"/> give the two published
/// variants.
/// </summary>
public sealed record FarringtonOptions
{
    /// <summary>b: how many years back the baseline reaches.</summary>
    public int YearsBack { get; init; } = 5;

    /// <summary>w: weeks either side of the current week taken from each past year.</summary>
    public int WindowHalfWidth { get; init; } = 3;

    /// <summary>reweight: down-weight past weeks with large Anscombe residuals (past outbreaks) and refit.</summary>
    public bool Reweight { get; init; } = true;

    /// <summary>weightsThreshold: the Anscombe residual above which a week is down-weighted.</summary>
    public double WeightsThreshold { get; init; } = 2.58;

    /// <summary>alpha: the upper bound is the (1 - alpha) quantile.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>trend: fit a linear time trend, kept only when significant and b ≥ 3 and not extrapolating.</summary>
    public bool FitTrend { get; init; } = true;

    /// <summary>pThresholdTrend: the trend is kept when its p-value is below this.</summary>
    public double TrendPValueThreshold { get; init; } = 0.05;

    /// <summary>limit54[1]: no alarm when fewer cases than this were counted in the last <see cref="Limit54Weeks"/> weeks.</summary>
    public int Limit54Cases { get; init; } = 5;

    /// <summary>limit54[2]: the number of weeks, the current one included, that <see cref="Limit54Cases"/> counts over.</summary>
    public int Limit54Weeks { get; init; } = 4;

    /// <summary>powertrans: used by the delta threshold only.</summary>
    public FarringtonPowerTransform PowerTransform { get; init; } = FarringtonPowerTransform.TwoThirds;

    /// <summary>
    /// noPeriods: levels of the seasonal factor; 1 uses only the windows of past years (Farrington 1996), more
    /// splits the rest of each past year into noPeriods - 1 blocks that enter the model as well (Noufaily 2013).
    /// </summary>
    public int Periods { get; init; } = 1;

    /// <summary>pastWeeksNotIncluded: recent weeks kept out of the baseline; null means <see cref="WindowHalfWidth"/>.</summary>
    public int? PastWeeksNotIncluded { get; init; }

    /// <summary>thresholdMethod.</summary>
    public FarringtonThresholdMethod ThresholdMethod { get; init; } = FarringtonThresholdMethod.Delta;

    /// <summary>The method of Farrington et al. (1996) as the package describes it: weights threshold 1, otherwise the defaults.</summary>
    public static FarringtonOptions Original1996 { get; } = new() { WeightsThreshold = 1 };

    /// <summary>The improved method of Noufaily et al. (2013) with the negative binomial plug-in threshold.</summary>
    public static FarringtonOptions Noufaily2013 { get; } = new()
    {
        Periods = 10,
        PastWeeksNotIncluded = 26,
        WeightsThreshold = 2.58,
        TrendPValueThreshold = 1,
        ThresholdMethod = FarringtonThresholdMethod.NbPlugin,
    };

    public int EffectivePastWeeksNotIncluded => PastWeeksNotIncluded ?? WindowHalfWidth;

    /// <summary>The first week the package evaluates by default: b whole years and w weeks of history before it.</summary>
    public int FirstEvaluableWeek => (SeasonLength * YearsBack) + WindowHalfWidth + 1;

    /// <summary>Index-based weekly series: a year is 52 weeks, as the package treats an sts of frequency 52.</summary>
    public const int SeasonLength = 52;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of the range the package can evaluate.</summary>
    public void Validate()
    {
        if (YearsBack < 1)
        {
            throw new ArgumentException($"b must be at least 1 (got {YearsBack}).");
        }

        if (WindowHalfWidth < 0)
        {
            throw new ArgumentException($"w must be at least 0 (got {WindowHalfWidth}).");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentException($"alpha must be between 0 and 1, exclusive (got {Alpha}).");
        }

        if (!double.IsFinite(WeightsThreshold))
        {
            throw new ArgumentException("weightsThreshold must be a finite number.");
        }

        if (!(TrendPValueThreshold >= 0 && TrendPValueThreshold <= 1))
        {
            throw new ArgumentException($"pThresholdTrend must be between 0 and 1 (got {TrendPValueThreshold}).");
        }

        if (Limit54Cases < 0 || Limit54Weeks < 1)
        {
            throw new ArgumentException(
                $"limit54 needs cases ≥ 0 and a period of at least 1 week (got {Limit54Cases},{Limit54Weeks}).");
        }

        if (Periods < 1)
        {
            throw new ArgumentException($"noPeriods must be at least 1 (got {Periods}).");
        }

        // Each block between two windows needs at least one week; with fewer weeks than blocks the package
        // assigns overlapping blocks without saying so.
        var maximumPeriods = SeasonLength - (2 * WindowHalfWidth);
        if (Periods > 1 && Periods > maximumPeriods)
        {
            throw new ArgumentException(maximumPeriods < 2
                ? $"noPeriods must be 1 for w = {WindowHalfWidth}: no weeks lie between the windows (got {Periods})."
                : $"noPeriods must be between 1 and {maximumPeriods} for w = {WindowHalfWidth} (got {Periods}).");
        }

        if (EffectivePastWeeksNotIncluded < 0 || EffectivePastWeeksNotIncluded >= FirstEvaluableWeek)
        {
            throw new ArgumentException(
                $"pastWeeksNotIncluded must be between 0 and {FirstEvaluableWeek - 1} for b = {YearsBack} and w = {WindowHalfWidth} (got {EffectivePastWeeksNotIncluded}).");
        }
    }
}
