using System.Globalization;
using Yorisoi.Web.Features.Analytics;

namespace Yorisoi.Tests.Unit.Analytics.Surveillance;

public sealed class SurveillanceCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("yorisoi-surveillance-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private string OutputPath => Path.Combine(directory, "result.csv");

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData]
    [InlineData("migrate")]
    [InlineData("--urls", "http://localhost:5000")]
    public async Task OtherCommandLinesAreLeftToTheHost(params string[] args) =>
        Assert.Null(await SurveillanceCommand.TryRunAsync(args, output, error));

    // Each case runs the command with the options of one fixture case and compares the file with R's result.
    [Theory]
    [InlineData("ff-defaults-salmonella_agona", "salmonella_agona", "--method farrington")]
    [InlineData("ff-noufaily-campyDE", "campyDE",
        "--method farrington --no-periods 10 --past-weeks-not-included 26 --weights-threshold 2.58 --p-threshold-trend 1 --threshold-method nbPlugin")]
    [InlineData("ff-farrington1996-shadar", "shadar",
        "--method farrington --b 5 --w 3 --reweight true --weights-threshold 1 --trend true --p-threshold-trend 0.05 --no-periods 1 --past-weeks-not-included 3 --threshold-method delta")]
    [InlineData("ff-combined-delta-half-shadar", "shadar",
        "--method farrington --b 4 --w 2 --reweight false --trend true --p-threshold-trend 0.5 --limit54 3,3 --powertrans 1/2 --alpha 0.02")]
    [InlineData("ff-b3-w2-periods4-muan-salmNewport_total", "salmNewport_total",
        "--method farrington --b 3 --w 2 --no-periods 4 --past-weeks-not-included 10 --threshold-method muan --alpha 0.01 --powertrans none")]
    [InlineData("ff-notrend-ha_total", "ha_total", "--method farrington --trend false")]
    [InlineData("ears-C1-defaults-shadar", "shadar", "--method C1")]
    [InlineData("ears-C3-defaults-ha_total", "ha_total", "--method C3")]
    [InlineData("ears-C2-baseline10-alpha001-minsigma1-campyDE", "campyDE", "--method C2 --baseline 10 --alpha 0.01 --min-sigma 1")]
    public async Task WritesEveryEvaluatedWeekAsRDoes(string caseId, string series, string options)
    {
        var input = Path.Combine(SurveillanceFixture.Directory, "series", series + ".csv");
        var args = new[] { "surveillance", "--input", input, "--output", OutputPath }.Concat(options.Split(' ')).ToArray();

        var exit = await SurveillanceCommand.TryRunAsync(args, output, error);

        Assert.True(exit == 0, error.ToString());
        var lines = await File.ReadAllLinesAsync(OutputPath);
        Assert.Equal("week_index,observed,expected,upperbound,alarm", lines[0]);
        var expected = SurveillanceFixture.Results(caseId);
        Assert.Equal(expected.Count, lines.Length - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var fields = lines[i + 1].Split(',');
            var r = expected[i];
            Assert.Equal((r["week_index"], r["observed"], r["alarm"]), (fields[0], fields[1], fields[4]));
            AssertClose(r["expected"], fields[2]);
            AssertClose(r["upperbound"], fields[3]);
        }

        var alarms = expected.Count(r => r["alarm"] == "TRUE");
        Assert.Contains($"weeks {expected[0]["week_index"]}-{expected[^1]["week_index"]} evaluated ({expected.Count}), {alarms} alarms",
            output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--method farrington --powertrans 3/4", "--powertrans must be 2/3, 1/2 or none")]
    [InlineData("--method farrington --alpha 2", "alpha must be between 0 and 1")]
    [InlineData("--method C1 --alpha 0", "alpha must be between 0 and 1")]
    [InlineData("--method farrington --alpha many", "--alpha must be a number")]
    [InlineData("--method farrington --b 0", "b must be at least 1")]
    [InlineData("--method farrington --b 2.5", "--b must be a whole number")]
    [InlineData("--method farrington --reweight yes", "--reweight must be true or false")]
    [InlineData("--method farrington --limit54 5", "--limit54 must be two whole numbers")]
    [InlineData("--method farrington --threshold-method quantile", "--threshold-method must be delta, nbPlugin or muan")]
    [InlineData("--method farrington --no-periods 60", "noPeriods must be between 1 and 46")]
    [InlineData("--method farrington --baseline 7", "'--baseline' applies to C1, C2 and C3 only")]
    [InlineData("--method C2 --no-periods 10", "'--no-periods' applies to --method farrington only")]
    [InlineData("--method C1 --baseline 2", "baseline must be at least 3")]
    [InlineData("--method C3 --min-sigma -1", "minSigma must be a number of at least 0")]
    [InlineData("--method C4", "--method must be farrington, C1, C2 or C3")]
    [InlineData("--method farrington --window 3", "Unknown option '--window'")]
    [InlineData("--method farrington --b 3 --b 4", "Option '--b' is given twice")]
    [InlineData("--method farrington --b", "Option '--b' needs a value")]
    public async Task RefusesBadOptionsWithUsageAndExitCode2(string options, string message)
    {
        var input = Path.Combine(SurveillanceFixture.Directory, "series", "salmonella_agona.csv");
        var args = new[] { "surveillance", "--input", input, "--output", OutputPath }.Concat(options.Split(' ')).ToArray();

        var exit = await SurveillanceCommand.TryRunAsync(args, output, error);

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: surveillance --method", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
    }

    [Theory]
    [InlineData("--method")]
    [InlineData("--input")]
    [InlineData("--output")]
    public async Task RefusesAMissingRequiredOption(string missing)
    {
        var all = new Dictionary<string, string>
        {
            ["--method"] = "C1",
            ["--input"] = Path.Combine(SurveillanceFixture.Directory, "series", "shadar.csv"),
            ["--output"] = OutputPath,
        };
        var args = all.Where(o => o.Key != missing).SelectMany(o => new[] { o.Key, o.Value }).Prepend("surveillance").ToArray();

        Assert.Equal(2, await SurveillanceCommand.TryRunAsync(args, output, error));
        Assert.Contains($"Option '{missing}' is required.", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
    }

    [Theory]
    [InlineData("week_index,count\n1,3\n2,4\n4,1\n", "Line 4: week_index 4 leaves a gap")]
    [InlineData("week_index,count\n1,3\n2,-4\n", "Line 3: count -4 of week 2 is negative")]
    [InlineData("week,cases\n1,3\n", "Line 1: expected the header 'week_index,count'")]
    public async Task RefusesABadInputFileWithItsLineNumber(string text, string message)
    {
        var input = Path.Combine(directory, "series.csv");
        await File.WriteAllTextAsync(input, text);

        var exit = await SurveillanceCommand.TryRunAsync(
            ["surveillance", "--method", "C1", "--input", input, "--output", OutputPath], output, error);

        Assert.Equal(1, exit);
        Assert.Contains($"{input}: {message}", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
    }

    [Fact]
    public async Task SaysASeriesIsTooShortInsteadOfAlarming()
    {
        var input = Path.Combine(directory, "series.csv");
        await File.WriteAllTextAsync(input,
            "week_index,count\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"{i},{i % 9}\n")));

        var exit = await SurveillanceCommand.TryRunAsync(
            ["surveillance", "--method", "farrington", "--input", input, "--output", OutputPath], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("The series has 200 weeks; farringtonFlexible with b = 5 and w = 3 needs at least 264",
            error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task SaysAMissingInputFileCannotBeRead()
    {
        var input = Path.Combine(directory, "absent.csv");

        var exit = await SurveillanceCommand.TryRunAsync(
            ["surveillance", "--method", "C2", "--input", input, "--output", OutputPath], output, error);

        Assert.Equal(1, exit);
        Assert.Contains($"{input}: cannot be read", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
    }

    private static void AssertClose(string r, string actual)
    {
        if (r == "NA" || actual == "NA")
        {
            Assert.Equal(r, actual);
            return;
        }

        var a = double.Parse(r, CultureInfo.InvariantCulture);
        var b = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(a - b) <= 1e-6 * Math.Max(Math.Abs(a), Math.Abs(b)), $"{actual}, R {r}");
    }
}
