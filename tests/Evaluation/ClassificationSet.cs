using System.Globalization;
using System.Text.Json;

namespace Yorisoi.Tests.Evaluation;

/// <summary>A hand-written narrative of narratives.jsonl with the codes a counselor gave it (null where none was given).</summary>
public sealed record LabelledNarrative(string Id, string Text, string? Product, string? SalesForm, IReadOnlyList<string> Keywords, string? Result);

/// <summary>Top-1 and top-3 accuracy and macro-F1 of the top candidate, over the narratives that have a code for the field.</summary>
public sealed record ClassificationScore(string Field, int Cases, double Top1, double Top3, double MacroF1, IReadOnlyList<(LabelledNarrative Case, string Gold, IReadOnlyList<string> Top)> Misses)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Field}: {Cases} cases, top-1 {Top1:0.000}, top-3 {Top3:0.000}, macro-F1 {MacroF1:0.000}");
}

/// <summary>The classification labels of the hand-written narratives, and the figures the issue asks for.</summary>
public static class ClassificationSet
{
    public static IReadOnlyList<LabelledNarrative> Narratives()
    {
        var items = new List<LabelledNarrative>();
        foreach (var line in File.ReadLines(Path.Combine(EvaluationSet.Directory(), "narratives.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            items.Add(new LabelledNarrative(
                root.GetProperty("id").GetString()!,
                root.GetProperty("text").GetString()!,
                Optional(root, "product"),
                Optional(root, "salesForm"),
                root.TryGetProperty("keywords", out var keywords) && keywords.ValueKind == JsonValueKind.Array
                    ? [.. keywords.EnumerateArray().Select(k => k.GetString()!)]
                    : [],
                Optional(root, "result")));
        }

        return items;
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Scores a single-label field: <paramref name="gold"/> picks the label (cases without one are left out) and
    /// <paramref name="rank"/> the candidates, best first. Macro-F1 averages the F1 of every class that is gold or predicted.
    /// </summary>
    public static ClassificationScore Score(string field, IReadOnlyList<LabelledNarrative> cases, Func<LabelledNarrative, string?> gold, Func<LabelledNarrative, IReadOnlyList<string>> rank)
    {
        int n = 0, top1 = 0, top3 = 0;
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var actual = new Dictionary<string, int>(StringComparer.Ordinal);
        var misses = new List<(LabelledNarrative, string, IReadOnlyList<string>)>();
        foreach (var item in cases)
        {
            if (gold(item) is not { } label)
            {
                continue;
            }

            n++;
            var top = rank(item).Take(3).ToList();
            var first = top.FirstOrDefault() ?? "";
            actual[label] = actual.GetValueOrDefault(label) + 1;
            predicted[first] = predicted.GetValueOrDefault(first) + 1;
            if (first == label)
            {
                top1++;
                truePositives[label] = truePositives.GetValueOrDefault(label) + 1;
            }

            if (top.Contains(label))
            {
                top3++;
            }
            else
            {
                misses.Add((item, label, top));
            }
        }

        var classes = actual.Keys.Concat(predicted.Keys.Where(k => k.Length > 0)).Distinct(StringComparer.Ordinal).ToList();
        var macroF1 = classes.Count == 0 ? 0 : classes.Average(c =>
        {
            var tp = truePositives.GetValueOrDefault(c);
            return tp == 0 ? 0 : 2.0 * tp / (predicted.GetValueOrDefault(c) + actual.GetValueOrDefault(c));
        });
        return n == 0
            ? new ClassificationScore(field, 0, 0, 0, 0, misses)
            : new ClassificationScore(field, n, (double)top1 / n, (double)top3 / n, macroF1, misses);
    }
}
