using System.Globalization;
using Yorisoi.Core.Analytics.Surveillance;

namespace Yorisoi.Web.Features.Analytics;

/// <summary>
/// `surveillance`: evaluates one weekly series file with Farrington-flexible or EARS C1/C2/C3 and writes the result
/// file. It needs no database, so the host runs it before it builds the web application. Exit codes: 0 done,
/// 1 the input cannot be used (unreadable, a bad line, too short), 2 the command line is wrong.
/// </summary>
public static class SurveillanceCommand
{
    public const string Name = "surveillance";

    public const string Usage = """
        usage: surveillance --method farrington|C1|C2|C3 --input SERIES.csv --output RESULT.csv [options]
          SERIES.csv: header week_index,count; weeks 1, 2, 3 ... without gaps; counts whole numbers >= 0.
          RESULT.csv: week_index,observed,expected,upperbound,alarm for every week the method evaluates, NA where
          it gives no value.
        farrington (R's farringtonFlexible; defaults as in the surveillance package 1.20.3):
          --b 5  --w 3  --reweight true  --weights-threshold 2.58  --alpha 0.05  --trend true
          --p-threshold-trend 0.05  --limit54 5,4  --powertrans 2/3|1/2|none  --no-periods 1
          --past-weeks-not-included W  --threshold-method delta|nbPlugin|muan
        C1, C2, C3 (R's earsC):
          --baseline 7  --min-sigma 0  --alpha 0.001 for C1 and C2, 0.025 for C3
        """;

    private static readonly string[] FarringtonOnly =
    [
        "--b", "--w", "--reweight", "--weights-threshold", "--trend", "--p-threshold-trend", "--limit54",
        "--powertrans", "--no-periods", "--past-weeks-not-included", "--threshold-method",
    ];

    private static readonly string[] EarsOnly = ["--baseline", "--min-sigma"];

    private static readonly string[] Common = ["--method", "--input", "--output", "--alpha"];

    /// <summary>Runs the command when <paramref name="args"/> starts with it; null otherwise.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }

        Request request;
        try
        {
            request = Parse(args.AsSpan(1));
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        IReadOnlyList<int> counts;
        try
        {
            using var reader = File.OpenText(request.Input);
            counts = WeeklySeriesCsv.Read(reader);
        }
        catch (WeeklySeriesFormatException e)
        {
            await error.WriteLineAsync($"{request.Input}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{request.Input}: cannot be read: {e.Message}");
            return 1;
        }

        IReadOnlyList<SurveillanceWeek> weeks;
        try
        {
            weeks = request.Evaluate(counts);
        }
        catch (SeriesTooShortException e)
        {
            await error.WriteLineAsync($"{request.Input}: {e.Message} No week was evaluated and no result written.");
            return 1;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        WeeklySeriesCsv.Write(text, weeks);
        try
        {
            await File.WriteAllTextAsync(request.Output, text.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"{request.Output}: cannot be written: {e.Message}");
            return 1;
        }

        var alarms = weeks.Count(w => w.Alarm == true);
        var withoutBound = weeks.Count(w => w.UpperBound is null);
        await output.WriteLineAsync(
            $"{request.MethodName}: weeks {weeks[0].WeekIndex}-{weeks[^1].WeekIndex} evaluated ({weeks.Count}), {alarms} alarms, {withoutBound} weeks without an upper bound; written to {request.Output}.");
        return 0;
    }

    private sealed record Request(string Input, string Output, FarringtonOptions? Farrington, EarsOptions? Ears)
    {
        public string MethodName => Farrington is not null ? "farringtonFlexible" : $"EARS {Ears!.Method}";

        public IReadOnlyList<SurveillanceWeek> Evaluate(IReadOnlyList<int> counts) =>
            Farrington is not null ? FarringtonFlexible.Evaluate(counts, Farrington) : EarsC.Evaluate(counts, Ears!);
    }

    private static Request Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (!Common.Contains(name) && !FarringtonOnly.Contains(name) && !EarsOnly.Contains(name))
            {
                throw new ArgumentException($"Unknown option '{name}'.");
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Option '{name}' needs a value.");
            }

            if (!values.TryAdd(name, args[i + 1]))
            {
                throw new ArgumentException($"Option '{name}' is given twice.");
            }
        }

        var method = Required(values, "--method");
        var input = FromCallersDirectory(Required(values, "--input"));
        var output = FromCallersDirectory(Required(values, "--output"));
        if (method.Equals("farrington", StringComparison.OrdinalIgnoreCase))
        {
            if (EarsOnly.FirstOrDefault(values.ContainsKey) is { } earsOption)
            {
                throw new ArgumentException($"Option '{earsOption}' applies to C1, C2 and C3 only.");
            }

            var options = FarringtonOptionsFrom(values);
            options.Validate();
            return new Request(input, output, options, null);
        }

        var earsMethod = method.ToUpperInvariant() switch
        {
            "C1" => EarsMethod.C1,
            "C2" => EarsMethod.C2,
            "C3" => EarsMethod.C3,
            _ => throw new ArgumentException($"--method must be farrington, C1, C2 or C3 (got '{method}')."),
        };

        if (FarringtonOnly.FirstOrDefault(values.ContainsKey) is { } farringtonOption)
        {
            throw new ArgumentException($"Option '{farringtonOption}' applies to --method farrington only.");
        }

        var ears = new EarsOptions
        {
            Method = earsMethod,
            Baseline = Integer(values, "--baseline") ?? 7,
            MinSigma = Number(values, "--min-sigma") ?? 0,
            Alpha = Number(values, "--alpha"),
        };
        ears.Validate();
        return new Request(input, output, null, ears);
    }

    private static FarringtonOptions FarringtonOptionsFrom(Dictionary<string, string> values)
    {
        var options = new FarringtonOptions();
        options = options with
        {
            YearsBack = Integer(values, "--b") ?? options.YearsBack,
            WindowHalfWidth = Integer(values, "--w") ?? options.WindowHalfWidth,
            Reweight = Flag(values, "--reweight") ?? options.Reweight,
            WeightsThreshold = Number(values, "--weights-threshold") ?? options.WeightsThreshold,
            Alpha = Number(values, "--alpha") ?? options.Alpha,
            FitTrend = Flag(values, "--trend") ?? options.FitTrend,
            TrendPValueThreshold = Number(values, "--p-threshold-trend") ?? options.TrendPValueThreshold,
            Periods = Integer(values, "--no-periods") ?? options.Periods,
            PastWeeksNotIncluded = Integer(values, "--past-weeks-not-included"),
        };

        if (values.TryGetValue("--limit54", out var limit))
        {
            var parts = limit.Split(',');
            if (parts.Length != 2
                || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cases)
                || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var weeks))
            {
                throw new ArgumentException($"--limit54 must be two whole numbers, cases and weeks, as 5,4 (got '{limit}').");
            }

            options = options with { Limit54Cases = cases, Limit54Weeks = weeks };
        }

        if (values.TryGetValue("--powertrans", out var power))
        {
            options = options with
            {
                PowerTransform = power switch
                {
                    "2/3" => FarringtonPowerTransform.TwoThirds,
                    "1/2" => FarringtonPowerTransform.Half,
                    "none" => FarringtonPowerTransform.None,
                    _ => throw new ArgumentException($"--powertrans must be 2/3, 1/2 or none (got '{power}')."),
                },
            };
        }

        if (values.TryGetValue("--threshold-method", out var threshold))
        {
            options = options with
            {
                ThresholdMethod = threshold.ToUpperInvariant() switch
                {
                    "DELTA" => FarringtonThresholdMethod.Delta,
                    "NBPLUGIN" => FarringtonThresholdMethod.NbPlugin,
                    "MUAN" => FarringtonThresholdMethod.Muan,
                    _ => throw new ArgumentException($"--threshold-method must be delta, nbPlugin or muan (got '{threshold}')."),
                },
            };
        }

        return options;
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"Option '{name}' is required.");

    private static int? Integer(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a whole number (got '{text}').");
    }

    private static double? Number(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name} must be a number (got '{text}').");
    }

    private static bool? Flag(Dictionary<string, string> values, string name)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => throw new ArgumentException($"{name} must be true or false (got '{text}')."),
        };
    }

    /// <summary>
    /// `dotnet run --project` starts the program in the project's folder, so a relative path is taken from the folder
    /// the command was typed in (the shell's PWD, which the program inherits) when that is known.
    /// </summary>
    private static string FromCallersDirectory(string path) =>
        Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } caller || !Directory.Exists(caller)
            ? path
            : Path.GetFullPath(Path.Combine(caller, path));
}
