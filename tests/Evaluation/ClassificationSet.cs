using System.Globalization;
using System.Text.Json;
using Yorisoi.Core.Assistance.Classification;

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
        var counter = new FieldQualityCounter(field);
        var misses = new List<(LabelledNarrative, string, IReadOnlyList<string>)>();
        foreach (var item in cases)
        {
            if (gold(item) is not { } label)
            {
                continue;
            }

            var top = rank(item).Take(3).ToList();
            if (!counter.Add([label], top))
            {
                misses.Add((item, label, top));
            }
        }

        var q = counter.Result();
        return new ClassificationScore(field, q.Cases, q.Top1, q.Top3, q.MacroF1, misses);
    }
}
