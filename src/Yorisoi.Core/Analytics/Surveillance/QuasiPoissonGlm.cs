namespace Yorisoi.Core.Analytics.Surveillance;

/// <summary>
/// A quasi-Poisson log-linear model fitted the way R's glm.fit does it, step for step, because the surveillance
/// thresholds are compared with R's to 1e-6: iteratively reweighted least squares started from mu = y + 0.1, each
/// step a Householder least-squares solve as LINPACK's, stopping when the deviance changes by less than 1e-8
/// relative (at most 25 steps), with mu and dmu/deta held above machine epsilon as R's log link holds them. As in R,
/// the working weights and the QR factor kept with the fit are those of the last step, computed from the mu before
/// it, while the fitted values and residuals come from the mu after it.
/// </summary>
internal sealed class QuasiPoissonGlm
{
    private const int MaximumIterations = 25;
    private const double ConvergenceTolerance = 1e-8;
    private const double RankTolerance = 1e-11;

    private readonly double[,] inverseR;

    private QuasiPoissonGlm(double[] coefficients, double[] fitted, double[] workingWeights,
        double[] workingResiduals, double[,] inverseR, double[] hat, bool converged, int degreesOfFreedom)
    {
        Coefficients = coefficients;
        Fitted = fitted;
        WorkingWeights = workingWeights;
        WorkingResiduals = workingResiduals;
        this.inverseR = inverseR;
        Hat = hat;
        Converged = converged;
        ResidualDegreesOfFreedom = degreesOfFreedom;
        Dispersion = DispersionWith(workingWeights);
    }

    public double[] Coefficients { get; }

    public double[] Fitted { get; }

    public double[] WorkingWeights { get; }

    public double[] WorkingResiduals { get; }

    /// <summary>Leverages of the observations (0 for those left out by a zero weight), as R's hatvalues.</summary>
    public double[] Hat { get; }

    public bool Converged { get; }

    public int ResidualDegreesOfFreedom { get; }

    /// <summary>The quasi-Poisson dispersion summary.glm estimates: the weighted Pearson chi-square over the residual degrees of freedom.</summary>
    public double Dispersion { get; }

    /// <summary>
    /// summary.glm's dispersion formula with <paramref name="weights"/> in place of the working weights. The
    /// surveillance package overwrites a reweighted model's working weights with its prior weights before it asks
    /// for standard errors, so its standard errors use this.
    /// </summary>
    public double DispersionWith(double[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                sum += weights[i] * WorkingResiduals[i] * WorkingResiduals[i];
            }
        }

        return ResidualDegreesOfFreedom > 0 ? sum / ResidualDegreesOfFreedom : double.NaN;
    }

    public double LinearPredictor(ReadOnlySpan<double> row)
    {
        var eta = 0.0;
        for (var j = 0; j < row.Length; j++)
        {
            eta += row[j] * Coefficients[j];
        }

        return eta;
    }

    /// <summary>Standard error of the linear predictor at <paramref name="row"/>, as predict.glm with se.fit computes it for the given dispersion.</summary>
    public double LinearPredictorStandardError(ReadOnlySpan<double> row, double dispersion)
    {
        var p = Coefficients.Length;
        var sum = 0.0;
        for (var j = 0; j < p; j++)
        {
            var value = 0.0;
            for (var i = 0; i <= j; i++)
            {
                value += row[i] * inverseR[i, j];
            }

            sum += value * value;
        }

        return Math.Sqrt(sum * dispersion);
    }

    /// <summary>The two-sided t-test p-value of one coefficient, as in summary.glm's coefficient table.</summary>
    public double CoefficientPValue(int index, double dispersion)
    {
        var variance = 0.0;
        for (var j = index; j < Coefficients.Length; j++)
        {
            variance += inverseR[index, j] * inverseR[index, j];
        }

        var standardError = Math.Sqrt(variance * dispersion);
        return Distributions.StudentTTwoSidedP(Coefficients[index] / standardError, ResidualDegreesOfFreedom);
    }

    public static double InverseLink(double eta) => Math.Max(Math.Exp(eta), Distributions.MachineEpsilon);

    public static QuasiPoissonGlm Fit(double[,] design, double[] response, double[]? priorWeights)
    {
        var n = response.Length;
        var p = design.GetLength(1);
        var weights = priorWeights ?? Enumerable.Repeat(1.0, n).ToArray();
        var eta = new double[n];
        var mu = new double[n];
        for (var i = 0; i < n; i++)
        {
            eta[i] = Math.Log(response[i] + 0.1);
            mu[i] = InverseLink(eta[i]);
        }

        var oldDeviance = Deviance(response, mu, weights);
        double[]? previousCoefficients = null;
        var coefficients = new double[p];
        var converged = false;
        var good = new bool[n];
        var workingRoot = new double[n];
        HouseholderQr? qr = null;
        for (var iteration = 1; iteration <= MaximumIterations; iteration++)
        {
            var goodCount = 0;
            for (var i = 0; i < n; i++)
            {
                var muEta = InverseLink(eta[i]);
                good[i] = weights[i] > 0 && muEta != 0;
                if (good[i])
                {
                    workingRoot[i] = Math.Sqrt(weights[i] * muEta * muEta / mu[i]);
                    goodCount++;
                }
            }

            if (goodCount == 0)
            {
                break;
            }

            var weighted = new double[goodCount, p];
            var target = new double[goodCount];
            for (int i = 0, row = 0; i < n; i++)
            {
                if (!good[i])
                {
                    continue;
                }

                var muEta = InverseLink(eta[i]);
                target[row] = (eta[i] + ((response[i] - mu[i]) / muEta)) * workingRoot[i];
                for (var j = 0; j < p; j++)
                {
                    weighted[row, j] = design[i, j] * workingRoot[i];
                }

                row++;
            }

            qr = new HouseholderQr(weighted, RankTolerance);
            var start = qr.Solve(target);
            if (start.Any(c => !double.IsFinite(c)))
            {
                break;
            }

            var deviance = Update(design, response, weights, start, eta, mu);
            if (!double.IsFinite(deviance) || !mu.All(double.IsFinite))
            {
                if (previousCoefficients is null)
                {
                    throw new InvalidOperationException("No valid set of coefficients was found for the model.");
                }

                for (var halving = 1; !double.IsFinite(deviance) || !mu.All(double.IsFinite); halving++)
                {
                    if (halving > MaximumIterations)
                    {
                        throw new InvalidOperationException("The model's step size could not be corrected.");
                    }

                    for (var j = 0; j < p; j++)
                    {
                        start[j] = (start[j] + previousCoefficients[j]) / 2;
                    }

                    deviance = Update(design, response, weights, start, eta, mu);
                }
            }

            coefficients = start;
            if (Math.Abs(deviance - oldDeviance) / (0.1 + Math.Abs(deviance)) < ConvergenceTolerance)
            {
                converged = true;
                break;
            }

            oldDeviance = deviance;
            previousCoefficients = start;
        }

        if (qr is null)
        {
            throw new InvalidOperationException("No observation carries weight in the model.");
        }

        var workingWeights = new double[n];
        var workingResiduals = new double[n];
        var hat = new double[n];
        var leverages = qr.Leverages();
        for (int i = 0, row = 0; i < n; i++)
        {
            workingResiduals[i] = (response[i] - mu[i]) / InverseLink(eta[i]);
            if (good[i])
            {
                workingWeights[i] = workingRoot[i] * workingRoot[i];
                // R's lm.influence rounds leverages within 10 epsilon of one up to one.
                hat[i] = leverages[row] > 1 - (10 * Distributions.MachineEpsilon) ? 1 : leverages[row];
                row++;
            }
        }

        var usable = weights.Count(w => w != 0);
        return new QuasiPoissonGlm(coefficients, mu, workingWeights, workingResiduals, qr.InverseR(), hat,
            converged, usable - p);
    }

    private static double Update(double[,] design, double[] response, double[] weights, double[] coefficients,
        double[] eta, double[] mu)
    {
        for (var i = 0; i < eta.Length; i++)
        {
            var value = 0.0;
            for (var j = 0; j < coefficients.Length; j++)
            {
                value += design[i, j] * coefficients[j];
            }

            eta[i] = value;
            mu[i] = InverseLink(value);
        }

        return Deviance(response, mu, weights);
    }

    private static double Deviance(double[] response, double[] mu, double[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < response.Length; i++)
        {
            var y = response[i];
            sum += y > 0
                ? 2 * weights[i] * ((y * Math.Log(y / mu[i])) - (y - mu[i]))
                : 2 * mu[i] * weights[i];
        }

        return sum;
    }

    /// <summary>LINPACK's Householder QR (dqrdc without pivoting) and the solves of dqrsl.</summary>
    private sealed class HouseholderQr
    {
        private readonly double[,] a;
        private readonly double[] qraux;
        private readonly int m;
        private readonly int p;

        public HouseholderQr(double[,] matrix, double tolerance)
        {
            a = matrix;
            m = matrix.GetLength(0);
            p = matrix.GetLength(1);
            if (m < p)
            {
                throw new InvalidOperationException($"The model has {p} parameters but only {m} observations.");
            }

            qraux = new double[p];
            for (var l = 0; l < p; l++)
            {
                var originalNorm = 0.0;
                for (var i = 0; i < m; i++)
                {
                    originalNorm += matrix[i, l] * matrix[i, l];
                }

                originalNorm = Math.Sqrt(originalNorm);
                if (l == m - 1)
                {
                    CheckRank(Math.Abs(a[l, l]), originalNorm, tolerance);
                    break;
                }

                var norm = 0.0;
                for (var i = l; i < m; i++)
                {
                    norm += a[i, l] * a[i, l];
                }

                norm = Math.Sqrt(norm);
                CheckRank(norm, originalNorm, tolerance);
                if (a[l, l] != 0)
                {
                    norm = a[l, l] < 0 ? -Math.Abs(norm) : Math.Abs(norm);
                }

                for (var i = l; i < m; i++)
                {
                    a[i, l] /= norm;
                }

                a[l, l] += 1;
                for (var j = l + 1; j < p; j++)
                {
                    var t = 0.0;
                    for (var i = l; i < m; i++)
                    {
                        t -= a[i, l] * a[i, j];
                    }

                    t /= a[l, l];
                    for (var i = l; i < m; i++)
                    {
                        a[i, j] += t * a[i, l];
                    }
                }

                qraux[l] = a[l, l];
                a[l, l] = -norm;
            }
        }

        private static void CheckRank(double remainingNorm, double originalNorm, double tolerance)
        {
            if (remainingNorm <= originalNorm * tolerance)
            {
                throw new InvalidOperationException("The model's design is rank-deficient.");
            }
        }

        public double[] Solve(double[] b)
        {
            var y = (double[])b.Clone();
            for (var j = 0; j < Math.Min(p, m - 1); j++)
            {
                Reflect(j, y);
            }

            var x = new double[p];
            for (var j = p - 1; j >= 0; j--)
            {
                var value = y[j];
                for (var k = j + 1; k < p; k++)
                {
                    value -= a[j, k] * x[k];
                }

                x[j] = value / a[j, j];
            }

            return x;
        }

        /// <summary>The diagonal of Q₁Q₁ᵀ, applying Q to the first p unit vectors as R's lminfl does.</summary>
        public double[] Leverages()
        {
            var hat = new double[m];
            var column = new double[m];
            for (var k = 0; k < p; k++)
            {
                Array.Clear(column);
                column[k] = 1;
                for (var j = Math.Min(p, m - 1) - 1; j >= 0; j--)
                {
                    Reflect(j, column);
                }

                for (var i = 0; i < m; i++)
                {
                    hat[i] += column[i] * column[i];
                }
            }

            return hat;
        }

        public double[,] InverseR()
        {
            var inverse = new double[p, p];
            for (var j = 0; j < p; j++)
            {
                inverse[j, j] = 1 / a[j, j];
                for (var i = j - 1; i >= 0; i--)
                {
                    var sum = 0.0;
                    for (var k = i + 1; k <= j; k++)
                    {
                        sum += a[i, k] * inverse[k, j];
                    }

                    inverse[i, j] = -sum / a[i, i];
                }
            }

            return inverse;
        }

        private void Reflect(int j, double[] y)
        {
            if (qraux[j] == 0)
            {
                return;
            }

            var diagonal = a[j, j];
            a[j, j] = qraux[j];
            var t = 0.0;
            for (var i = j; i < m; i++)
            {
                t -= a[i, j] * y[i];
            }

            t /= a[j, j];
            for (var i = j; i < m; i++)
            {
                y[i] += t * a[i, j];
            }

            a[j, j] = diagonal;
        }
    }
}
