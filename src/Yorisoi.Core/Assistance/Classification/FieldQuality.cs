using System.Globalization;

namespace Yorisoi.Core.Assistance.Classification;

/// <summary>
/// How well a classifier ranked one field over cases with a known code: top-1 and top-3 accuracy, and macro-F1 of the
/// first candidate (the mean F1 over every class that was the answer or the first candidate, so rare classes count as
/// much as common ones).
/// </summary>
public sealed record FieldQuality(string Field, int Cases, double Top1, double Top3, double MacroF1)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Field}: {Cases} cases, top-1 {Top1:0.000}, top-3 {Top3:0.000}, macro-F1 {MacroF1:0.000}");
}

/// <summary>
/// Counts <see cref="FieldQuality"/> one case at a time. A case may have several right answers (a case's keywords): the
/// first candidate is right when it is any of them, and the first of them is the class it is counted for otherwise.
/// </summary>
public sealed class FieldQualityCounter(string field)
{
    private readonly Dictionary<string, int> _truePositives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _predicted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _actual = new(StringComparer.Ordinal);
    private int _cases;
    private int _top1;
    private int _top3;

    /// <summary>Counts one case; returns whether one of its answers was among the first three candidates.</summary>
    public bool Add(IReadOnlyCollection<string> answers, IReadOnlyList<string> ranked)
    {
        if (answers.Count == 0)
        {
            return true;
        }

        _cases++;
        var first = ranked.Count > 0 ? ranked[0] : "";
        var hit = answers.Contains(first);
        var label = hit ? first : answers.First();
        _actual[label] = _actual.GetValueOrDefault(label) + 1;
        _predicted[first] = _predicted.GetValueOrDefault(first) + 1;
        if (hit)
        {
            _top1++;
            _truePositives[label] = _truePositives.GetValueOrDefault(label) + 1;
        }

        var inTop3 = ranked.Take(3).Any(answers.Contains);
        if (inTop3)
        {
            _top3++;
        }

        return inTop3;
    }

    public FieldQuality Result()
    {
        if (_cases == 0)
        {
            return new FieldQuality(field, 0, 0, 0, 0);
        }

        var classes = _actual.Keys.Concat(_predicted.Keys.Where(k => k.Length > 0)).Distinct(StringComparer.Ordinal).ToList();
        var macroF1 = classes.Average(c =>
        {
            var tp = _truePositives.GetValueOrDefault(c);
            return tp == 0 ? 0 : 2.0 * tp / (_predicted.GetValueOrDefault(c) + _actual.GetValueOrDefault(c));
        });
        return new FieldQuality(field, _cases, (double)_top1 / _cases, (double)_top3 / _cases, macroF1);
    }
}
