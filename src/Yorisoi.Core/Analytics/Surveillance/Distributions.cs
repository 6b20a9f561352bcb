namespace Yorisoi.Core.Analytics.Surveillance;

/// <summary>
/// The few distribution functions the surveillance algorithms need, computed as R's nmath does where the result is
/// compared with R: the normal quantile is Wichura's AS 241 (R's qnorm), the discrete quantiles are the smallest count
/// whose distribution function reaches p after R's left-continuity fuzz.
/// </summary>
internal static class Distributions
{
    // R's qDiscrete_search lowers p by this factor so that a distribution function that equals p up to rounding still
    // counts as reaching it.
    private const double DiscreteQuantileFuzz = 1 - (8 * MachineEpsilon);

    /// <summary>R's .Machine$double.eps, the spacing of doubles just above 1.</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    public static double NormalQuantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - (q * q);
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                        + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                        + 133.14166789178437745) * r + 3.387132872796366608)
                / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                        + 42.313330701600911252) * r + 1.0);
        }

        var tail = q < 0 ? p : 1 - p;
        var s = Math.Sqrt(-Math.Log(tail));
        double value;
        if (s <= 5)
        {
            s -= 1.6;
            value = (((((((s * 7.7454501427834140764e-4 + 0.0227238449892691845833) * s + 0.24178072517745061177) * s
                        + 1.27045825245236838258) * s + 3.64784832476320460504) * s + 5.7694972214606914055) * s
                        + 4.6303378461565452959) * s + 1.42343711074968357734)
                / (((((((s * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * s + 0.0151986665636164571966) * s
                        + 0.14810397642748007459) * s + 0.68976733498510000455) * s + 1.6763848301838038494) * s
                        + 2.05319162663775882187) * s + 1.0);
        }
        else
        {
            s -= 5;
            value = (((((((s * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * s + 0.0012426609473880784386) * s
                        + 0.026532189526576123093) * s + 0.29656057182850489123) * s + 1.7848265399172913358) * s
                        + 5.4637849111641143699) * s + 6.6579046435011037772)
                / (((((((s * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * s + 1.8463183175100546818e-5) * s
                        + 7.868691311456132591e-4) * s + 0.0148753612908506148525) * s + 0.13692988092273580531) * s
                        + 0.59983220655588793769) * s + 1.0);
        }

        return q < 0 ? -value : value;
    }

    /// <summary>P(|T| ≥ |t|) for Student's t with <paramref name="degreesOfFreedom"/>, as summary.glm reports it.</summary>
    public static double StudentTTwoSidedP(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || double.IsNaN(degreesOfFreedom) || degreesOfFreedom <= 0)
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        // R switches to a normal approximation beyond 4e5 degrees of freedom; a baseline that long does not occur.
        var x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        return RegularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
    }

    /// <summary>R's qnbinom(p, size, prob) for 0 &lt; p &lt; 1.</summary>
    public static double NegativeBinomialQuantile(double p, double size, double prob)
    {
        if (double.IsNaN(p) || double.IsNaN(size) || double.IsNaN(prob) || prob <= 0 || prob > 1 || size < 0)
        {
            return double.NaN;
        }

        if (prob == 1 || size == 0)
        {
            return 0;
        }

        var logProb = Math.Log(prob);
        var logFailure = Math.Log(1 - prob);
        var logTerm = size * logProb;
        return DiscreteQuantile(p, logTerm, count => logTerm += Math.Log((size + count) / (count + 1)) + logFailure);
    }

    /// <summary>R's qpois(p, lambda) for 0 &lt; p &lt; 1.</summary>
    public static double PoissonQuantile(double p, double lambda)
    {
        if (double.IsNaN(p) || double.IsNaN(lambda) || lambda < 0)
        {
            return double.NaN;
        }

        if (lambda == 0)
        {
            return 0;
        }

        var logLambda = Math.Log(lambda);
        var logTerm = -lambda;
        return DiscreteQuantile(p, logTerm, count => logTerm += logLambda - Math.Log(count + 1));
    }

    // Sums the probabilities in log space, so that means in the thousands, whose probability of zero underflows,
    // stay exact; nextLogTerm advances from P(X = count) to P(X = count + 1).
    private static double DiscreteQuantile(double p, double firstLogTerm, Func<int, double> nextLogTerm)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        var target = Math.Log(p * DiscreteQuantileFuzz);
        var logCumulative = firstLogTerm;
        var count = 0;
        while (logCumulative < target)
        {
            var logTerm = nextLogTerm(count);
            count++;
            logCumulative = logCumulative >= logTerm
                ? logCumulative + Math.Log(1 + Math.Exp(logTerm - logCumulative))
                : logTerm + Math.Log(1 + Math.Exp(logCumulative - logTerm));
            if (count == int.MaxValue)
            {
                return double.PositiveInfinity;
            }
        }

        return count;
    }

    internal static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(1 - x)) - LogBeta(a, b);
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logFront) * BetaContinuedFraction(x, a, b) / a
            : 1 - (Math.Exp(logFront) * BetaContinuedFraction(1 - x, b, a) / b);
    }

    // Lentz's evaluation of the continued fraction for the incomplete beta function.
    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var result = d;
        for (var m = 1; m <= 10_000; m++)
        {
            var m2 = 2 * m;
            var numerator = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (numerator * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (numerator / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            result *= d * c;

            numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (numerator * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (numerator / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            result *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return result;
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    // Lanczos approximation (g = 7, nine coefficients), accurate to about 1e-15 for positive arguments.
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        x -= 1;
        var sum = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            sum += coefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
