namespace Yorisoi.Core.Analytics.Surveillance;

/// <summary>
/// One evaluated week. Expected, upper bound and alarm are null where R's surveillance package reports NA (too few
/// recent cases for the Farrington methods, a model that did not converge, an EARS bound that is not a number).
/// </summary>
/// <param name="WeekIndex">1-based position in the series.</param>
/// <param name="TrendKept">Farrington methods only: whether the time trend stayed in the model this week.</param>
public sealed record SurveillanceWeek(
    int WeekIndex,
    int Observed,
    double? Expected,
    double? UpperBound,
    bool? Alarm,
    bool? TrendKept = null);

/// <summary>The series ends before the first week the method can evaluate.</summary>
public sealed class SeriesTooShortException(string message) : ArgumentException(message);
