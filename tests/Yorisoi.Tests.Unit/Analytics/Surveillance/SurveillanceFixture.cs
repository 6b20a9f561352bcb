using System.Globalization;
using Yorisoi.Core.Analytics.Surveillance;

namespace Yorisoi.Tests.Unit.Analytics.Surveillance;

/// <summary>The cases of fixtures/manifest.csv and R's results for them, as make-fixtures.R writes them.</summary>
internal static class SurveillanceFixture
{
    public static string Directory { get; } =
        Path.Combine(AppContext.BaseDirectory, "Analytics", "Surveillance", "fixtures");

    private static readonly Lazy<IReadOnlyList<Dictionary<string, string>>> ManifestRows = new(() =>
        ReadTable(Path.Combine(Directory, "manifest.csv")));

    public static IEnumerable<string> CaseIds => ManifestRows.Value.Select(row => row["case"]);

    public static Dictionary<string, string> Case(string id) => ManifestRows.Value.Single(row => row["case"] == id);

    public static IReadOnlyList<int> Series(string name)
    {
        using var reader = File.OpenText(Path.Combine(Directory, "series", name + ".csv"));
        return WeeklySeriesCsv.Read(reader);
    }

    public static IReadOnlyList<Dictionary<string, string>> Results(string id) =>
        ReadTable(Path.Combine(Directory, "results", id + ".csv"));

    public static FarringtonOptions FarringtonOptions(Dictionary<string, string> row)
    {
        var options = new FarringtonOptions();
        if (Value(row, "b") is { } b) options = options with { YearsBack = int.Parse(b, CultureInfo.InvariantCulture) };
        if (Value(row, "w") is { } w) options = options with { WindowHalfWidth = int.Parse(w, CultureInfo.InvariantCulture) };
        if (Value(row, "reweight") is { } reweight) options = options with { Reweight = Flag(reweight) };
        if (Value(row, "weightsThreshold") is { } threshold) options = options with { WeightsThreshold = Number(threshold) };
        if (Value(row, "alpha") is { } alpha) options = options with { Alpha = Number(alpha) };
        if (Value(row, "trend") is { } trend) options = options with { FitTrend = Flag(trend) };
        if (Value(row, "pThresholdTrend") is { } p) options = options with { TrendPValueThreshold = Number(p) };
        if (Value(row, "limit54") is { } limit)
        {
            var parts = limit.Split(' ');
            options = options with
            {
                Limit54Cases = int.Parse(parts[0], CultureInfo.InvariantCulture),
                Limit54Weeks = int.Parse(parts[1], CultureInfo.InvariantCulture),
            };
        }

        if (Value(row, "powertrans") is { } power)
        {
            options = options with
            {
                PowerTransform = power switch
                {
                    "2/3" => FarringtonPowerTransform.TwoThirds,
                    "1/2" => FarringtonPowerTransform.Half,
                    "none" => FarringtonPowerTransform.None,
                    _ => throw new InvalidDataException(power),
                },
            };
        }

        if (Value(row, "noPeriods") is { } periods) options = options with { Periods = int.Parse(periods, CultureInfo.InvariantCulture) };
        if (Value(row, "pastWeeksNotIncluded") is { } past) options = options with { PastWeeksNotIncluded = int.Parse(past, CultureInfo.InvariantCulture) };
        if (Value(row, "thresholdMethod") is { } method)
        {
            options = options with
            {
                ThresholdMethod = method switch
                {
                    "delta" => FarringtonThresholdMethod.Delta,
                    "nbPlugin" => FarringtonThresholdMethod.NbPlugin,
                    "muan" => FarringtonThresholdMethod.Muan,
                    _ => throw new InvalidDataException(method),
                },
            };
        }

        return options;
    }

    public static EarsOptions EarsOptions(Dictionary<string, string> row)
    {
        var options = new EarsOptions { Method = Enum.Parse<EarsMethod>(row["method"]) };
        if (Value(row, "baseline") is { } baseline) options = options with { Baseline = int.Parse(baseline, CultureInfo.InvariantCulture) };
        if (Value(row, "minSigma") is { } minSigma) options = options with { MinSigma = Number(minSigma) };
        if (Value(row, "alpha") is { } alpha) options = options with { Alpha = Number(alpha) };
        return options;
    }

    public static double? OptionalNumber(string text) => text == "NA" ? null : Number(text);

    public static bool? OptionalFlag(string text) => text == "NA" ? null : Flag(text);

    private static string? Value(Dictionary<string, string> row, string column) =>
        row[column].Length == 0 ? null : row[column];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static bool Flag(string text) => text switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new InvalidDataException(text),
    };

    private static List<Dictionary<string, string>> ReadTable(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line => line.Split(','))
            .Select(fields => header.Select((name, i) => (name, value: fields[i])).ToDictionary(f => f.name, f => f.value))
            .ToList();
    }
}
