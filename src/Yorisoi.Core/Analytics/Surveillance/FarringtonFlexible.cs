namespace Yorisoi.Core.Analytics.Surveillance;

/// <summary>
/// R's farringtonFlexible (surveillance 1.20.3) for one index-based weekly series: for each week from
/// <see cref="FarringtonOptions.FirstEvaluableWeek"/> on, a quasi-Poisson model of the baseline weeks (the windows of
/// past years, and with noPeriods &gt; 1 the seasonal blocks between them) predicts the week's count; the week alarms
/// when its count exceeds the upper bound and at least limit54 cases were counted recently.
/// </summary>
/// <remarks>
/// Expected is what the package reports as control$expected: the predicted mean, or for the negative binomial
/// thresholds exp of the linear predictor. Where no model converges the package raises no alarm and gives no bound
/// (alarm NA); it reports an expected of 0 there only because its result matrix starts as zeros, so here expected
/// is null as well.
/// </remarks>
public static class FarringtonFlexible
{
    public static IReadOnlyList<SurveillanceWeek> Evaluate(IReadOnlyList<int> counts, FarringtonOptions options)
    {
        options.Validate();
        var first = options.FirstEvaluableWeek;
        if (counts.Count < first)
        {
            throw new SeriesTooShortException(
                $"The series has {counts.Count} weeks; farringtonFlexible with b = {options.YearsBack} and w = {options.WindowHalfWidth} needs at least {first} ({options.YearsBack} years of {FarringtonOptions.SeasonLength} weeks and {options.WindowHalfWidth + 1} more) before it can evaluate a week.");
        }

        var weeks = new List<SurveillanceWeek>(counts.Count - first + 1);
        for (var week = first; week <= counts.Count; week++)
        {
            weeks.Add(EvaluateWeek(counts, options, week));
        }

        return weeks;
    }

    private static SurveillanceWeek EvaluateWeek(IReadOnlyList<int> counts, FarringtonOptions options, int week)
    {
        var observed = counts[week - 1];
        var baseline = Baseline.For(counts, options, week);
        var fit = FitWithReweighting(baseline, options, options.FitTrend);
        if (fit is null)
        {
            return new SurveillanceWeek(week, observed, null, null, null);
        }

        var trendKept = false;
        if (fit.HasTrend)
        {
            var withTrend = QuasiPoissonGlm.InverseLink(fit.Model.LinearPredictor(baseline.NewRow(week, true)));
            var significant = fit.Model.CoefficientPValue(Baseline.TrendColumn, fit.StandardErrorDispersion) < options.TrendPValueThreshold;
            trendKept = options.YearsBack >= 3 && significant && withTrend <= baseline.MaximumResponse;
            if (!trendKept)
            {
                fit = FitWithReweighting(baseline, options, false);
                if (fit is null)
                {
                    return new SurveillanceWeek(week, observed, null, null, null);
                }
            }
        }

        var row = baseline.NewRow(week, fit.HasTrend);
        var eta = fit.Model.LinearPredictor(row);
        var linkStandardError = fit.Model.LinearPredictorStandardError(row, fit.StandardErrorDispersion);
        var threshold = options.ThresholdMethod == FarringtonThresholdMethod.Delta
            ? DeltaThreshold(eta, linkStandardError, fit.Phi, options, observed)
            : NegativeBinomialThreshold(eta, linkStandardError, fit.Phi, options, observed);

        var firstRecentWeek = Math.Max(1, week - options.Limit54Weeks + 1);
        var recentCases = 0;
        for (var i = firstRecentWeek; i <= week; i++)
        {
            recentCases += counts[i - 1];
        }

        var enoughCases = recentCases >= options.Limit54Cases;
        var alarm = enoughCases && !double.IsNaN(threshold.Score) && threshold.Score > 1 && observed != 0;
        double? upperBound = enoughCases && !double.IsNaN(threshold.Upper) ? threshold.Upper : null;
        double? expected = enoughCases && !double.IsNaN(threshold.Upper) ? threshold.Expected : null;
        return new SurveillanceWeek(week, observed, expected, upperBound, alarm, trendKept);
    }

    /// <param name="Phi">The overdispersion of the threshold: the model's dispersion, at least 1.</param>
    /// <param name="StandardErrorDispersion">
    /// The dispersion behind the package's standard errors (of the prediction and of the trend test). After
    /// reweighting, the package stores the reweighting weights where glm keeps its working weights, and summary.glm
    /// then computes the dispersion from those.
    /// </param>
    private sealed record Fit(QuasiPoissonGlm Model, double Phi, bool HasTrend, double StandardErrorDispersion);

    // algo.farrington.fitGLM.flexible: fit; without the trend if that does not converge; reweight and refit.
    private static Fit? FitWithReweighting(Baseline baseline, FarringtonOptions options, bool trend)
    {
        var design = baseline.Design(trend);
        var model = QuasiPoissonGlm.Fit(design, baseline.Response, null);
        if (!model.Converged && trend)
        {
            trend = false;
            design = baseline.Design(trend);
            model = QuasiPoissonGlm.Fit(design, baseline.Response, null);
        }

        if (!model.Converged)
        {
            return null;
        }

        var phi = Math.Max(model.Dispersion, 1);
        if (!options.Reweight)
        {
            return new Fit(model, phi, trend, model.Dispersion);
        }

        var weights = Weights(AnscombeResiduals(model, baseline.Response, phi), options.WeightsThreshold);
        model = QuasiPoissonGlm.Fit(design, baseline.Response, weights);
        return new Fit(model, Math.Max(model.Dispersion, 1), trend, model.DispersionWith(weights));
    }

    private static double[] AnscombeResiduals(QuasiPoissonGlm model, double[] response, double phi)
    {
        var residuals = new double[response.Length];
        for (var i = 0; i < response.Length; i++)
        {
            var mu = model.Fitted[i];
            var value = 1.5 * ((Math.Pow(response[i], 2.0 / 3) * Math.Pow(mu, -1.0 / 6)) - Math.Pow(mu, 0.5));
            residuals[i] = value / Math.Sqrt(phi * (1 - model.Hat[i]));
        }

        return residuals;
    }

    // algo.farrington.assign.weights: weeks above the threshold get weight proportional to s⁻², the rest a
    // common weight, scaled so that the weights sum to the number of weeks.
    private static double[] Weights(double[] residuals, double threshold)
    {
        if (residuals.Any(double.IsNaN))
        {
            throw new InvalidOperationException("An Anscombe residual of the baseline is not a number.");
        }

        var sum = 0.0;
        foreach (var s in residuals)
        {
            sum += s > threshold ? Math.Pow(s, -2) : 1;
        }

        var gamma = residuals.Length / sum;
        return residuals.Select(s => s > threshold ? gamma * Math.Pow(s, -2) : gamma).ToArray();
    }

    private readonly record struct Threshold(double Upper, double Score, double Expected);

    // algo.farrington.threshold.farrington on the response scale.
    private static Threshold DeltaThreshold(double eta, double linkStandardError, double phi, FarringtonOptions options,
        int observed)
    {
        var mu0 = QuasiPoissonGlm.InverseLink(eta);
        var standardError = linkStandardError * mu0;
        var tau = phi + (standardError * standardError / mu0);
        var (se, exponent) = options.PowerTransform switch
        {
            FarringtonPowerTransform.None => (Math.Sqrt(mu0 * tau), 1.0),
            FarringtonPowerTransform.Half => (Math.Sqrt(0.25 * tau), 0.5),
            _ => (Math.Sqrt(4.0 / 9 * Math.Pow(mu0, 1.0 / 3) * tau), 2.0 / 3),
        };
        var z = Distributions.NormalQuantile(1 - options.Alpha);
        var centre = Math.Pow(mu0, exponent);
        var low = Math.Pow(centre - (z * se), 1 / exponent);
        var high = Math.Pow(centre + (z * se), 1 / exponent);
        // The package sorts the pair with NaN first and takes the second element as the bound.
        var upper = double.IsNaN(low) ? high : double.IsNaN(high) ? low : Math.Max(low, high);
        var score = double.IsNaN(upper) ? double.NaN : (observed - mu0) / (upper - mu0);
        return new Threshold(upper, score, mu0);
    }

    // algo.farrington.threshold.noufaily on the link scale.
    private static Threshold NegativeBinomialThreshold(double eta, double linkStandardError, double phi,
        FarringtonOptions options, int observed)
    {
        var mean = options.ThresholdMethod == FarringtonThresholdMethod.NbPlugin
            ? Math.Exp(eta)
            : Math.Exp(eta + (linkStandardError * Distributions.NormalQuantile(1 - options.Alpha)));
        var upper = double.IsPositiveInfinity(mean)
            ? double.NaN
            : phi > 1
                ? Distributions.NegativeBinomialQuantile(1 - options.Alpha, mean / (phi - 1), 1 / phi)
                : Distributions.PoissonQuantile(1 - options.Alpha, mean);
        var score = double.IsNaN(upper) ? double.NaN : (observed - eta) / (upper - eta);
        return new Threshold(upper, score, Math.Exp(eta));
    }

    /// <summary>The baseline weeks of one evaluated week (algo.farrington.data.glm and blocks).</summary>
    private sealed class Baseline
    {
        public const int TrendColumn = 1;

        private readonly int[] weekIndexes;
        private readonly int[] levels;
        private readonly int[] presentLevels;
        private readonly int currentLevel;

        private Baseline(int[] weekIndexes, int[] levels, double[] response, int currentLevel)
        {
            this.weekIndexes = weekIndexes;
            this.levels = levels;
            Response = response;
            this.currentLevel = currentLevel;
            presentLevels = levels.Distinct().Order().ToArray();
            MaximumResponse = response.Max();
        }

        public double[] Response { get; }

        public double MaximumResponse { get; }

        private bool HasFactor => currentLevel != 1;

        public static Baseline For(IReadOnlyList<int> counts, FarringtonOptions options, int week)
        {
            var w = options.WindowHalfWidth;
            var periods = options.Periods;
            var level = new int[week + 1];
            for (var i = Math.Max(1, week - w); i <= week; i++)
            {
                level[i] = periods;
            }

            for (var year = 1; year <= options.YearsBack; year++)
            {
                var referenceWeek = week - (FarringtonOptions.SeasonLength * year);
                for (var i = Math.Max(1, referenceWeek - w); i <= referenceWeek + w; i++)
                {
                    level[i] = periods;
                }

                if (periods == 1)
                {
                    continue;
                }

                // The weeks between this window and the next year's are cut into periods - 1 blocks, the first
                // ones a week longer when they do not divide evenly.
                var between = FarringtonOptions.SeasonLength - (2 * w) - 1;
                var blockLength = between / (periods - 1);
                var longer = between % (periods - 1);
                var start = referenceWeek + w + 1;
                for (var block = 1; block < periods; block++)
                {
                    var length = blockLength + (block <= longer ? 1 : 0);
                    for (var i = start; i < start + length; i++)
                    {
                        level[i] = block;
                    }

                    start += length;
                }
            }

            for (var i = Math.Max(1, week - options.EffectivePastWeeksNotIncluded); i <= week; i++)
            {
                level[i] = 0;
            }

            var indexes = Enumerable.Range(1, week).Where(i => level[i] != 0).ToArray();
            var parameters = 1 + (options.FitTrend ? 1 : 0) + (periods - 1);
            if (indexes.Length <= parameters)
            {
                throw new ArgumentException(
                    $"Week {week}: only {indexes.Length} baseline weeks remain for a model with up to {parameters} parameters; increase b or w, or exclude fewer past weeks.");
            }

            var baseline = new Baseline(indexes, indexes.Select(i => level[i]).ToArray(),
                indexes.Select(i => (double)counts[i - 1]).ToArray(), periods);
            if (!baseline.presentLevels.Contains(periods))
            {
                throw new ArgumentException($"Week {week}: the baseline holds none of the weeks of past years' windows.");
            }

            return baseline;
        }

        // formulaGLM: response ~ 1 [+ wtime] [+ seasgroups], treatment contrasts against the lowest level.
        public double[,] Design(bool trend)
        {
            var columns = Columns(trend);
            var design = new double[weekIndexes.Length, columns];
            for (var i = 0; i < weekIndexes.Length; i++)
            {
                FillRow(design, i, weekIndexes[i], levels[i], trend);
            }

            return design;
        }

        public double[] NewRow(int week, bool trend)
        {
            var row = new double[1, Columns(trend)];
            FillRow(row, 0, week, currentLevel, trend);
            return Enumerable.Range(0, row.GetLength(1)).Select(j => row[0, j]).ToArray();
        }

        private int Columns(bool trend) => 1 + (trend ? 1 : 0) + (HasFactor ? presentLevels.Length - 1 : 0);

        private void FillRow(double[,] design, int row, int week, int level, bool trend)
        {
            design[row, 0] = 1;
            var column = 1;
            if (trend)
            {
                design[row, column++] = week;
            }

            if (!HasFactor)
            {
                return;
            }

            for (var k = 1; k < presentLevels.Length; k++)
            {
                design[row, column++] = presentLevels[k] == level ? 1 : 0;
            }
        }
    }
}
