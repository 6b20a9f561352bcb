using Yorisoi.Core.Analytics.Surveillance;

namespace Yorisoi.Tests.Unit.Analytics.Surveillance;

/// <summary>Against values printed by R 4.2 (sprintf("%.17g", ...)).</summary>
public sealed class DistributionsTests
{
    [Theory]
    [InlineData(1e-12, -7.0344838253011321)]
    [InlineData(1e-5, -4.2648907939228256)]
    [InlineData(0.001, -3.0902323061678132)]
    [InlineData(0.025, -1.9599639845400538)]
    [InlineData(0.3, -0.52440051270804067)]
    [InlineData(0.5, 0)]
    [InlineData(0.95, 1.6448536269514715)]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.999, 3.0902323061678132)]
    [InlineData(1 - 1e-9, 5.9978070196016384)]
    public void NormalQuantileIsRsQnorm(double p, double r) =>
        Assert.Equal(r, Distributions.NormalQuantile(p), 1e-15 * Math.Max(1, Math.Abs(r)));

    [Theory]
    [InlineData(0.95, 0.5, 0.9, 1)]
    [InlineData(0.95, 3.2, 0.5, 8)]
    [InlineData(0.95, 120, 0.8, 40)]
    [InlineData(0.95, 2500, 0.97, 92)]
    [InlineData(0.99, 1e6, 1 / 1.000001, 4)]
    public void NegativeBinomialQuantileIsRsQnbinom(double p, double size, double prob, double r) =>
        Assert.Equal(r, Distributions.NegativeBinomialQuantile(p, size, prob));

    [Theory]
    [InlineData(0.95, 0.3, 1)]
    [InlineData(0.99, 2500, 2617)]
    [InlineData(0.5, 17.5, 17)]
    public void PoissonQuantileIsRsQpois(double p, double lambda, double r) =>
        Assert.Equal(r, Distributions.PoissonQuantile(p, lambda));

    [Theory]
    [InlineData(0.3, 33, 0.76605883817039189)]
    [InlineData(1.7, 33, 0.098539217753172204)]
    [InlineData(2.5, 260, 0.013035982122061732)]
    [InlineData(6, 5, 0.0018461382895940139)]
    public void TwoSidedTPValueIsRsPt(double t, double df, double r) =>
        Assert.Equal(r, Distributions.StudentTTwoSidedP(t, df), r * 1e-12);

    [Theory]
    [InlineData(0.5, 0.57236494292470008)]
    [InlineData(3, 0.69314718055994529)]
    [InlineData(17.5, 32.081114895947358)]
    [InlineData(260.5, 1186.6960023409699)]
    public void LogGammaIsRsLgamma(double x, double r) =>
        Assert.Equal(r, Distributions.LogGamma(x), r * 1e-14);
}
