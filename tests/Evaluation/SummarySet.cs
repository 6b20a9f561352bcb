using System.Text.Json;

namespace Yorisoi.Tests.Evaluation;

/// <summary>A hand-written case of summaries.jsonl: its narrative, its handling log, and the facts a summary must keep.</summary>
public sealed record SummaryCase(string Id, string Narrative, IReadOnlyList<string> Log, IReadOnlyList<string> MustContain);

/// <summary>Reads tests/Evaluation/summaries.jsonl, the set the extractive summaries are measured on.</summary>
public static class SummarySet
{
    public static IReadOnlyList<SummaryCase> Cases()
    {
        var cases = new List<SummaryCase>();
        foreach (var line in File.ReadLines(Path.Combine(EvaluationSet.Directory(), "summaries.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            cases.Add(new SummaryCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("narrative").GetString()!,
                [.. root.GetProperty("log").EnumerateArray().Select(e => e.GetString()!)],
                [.. root.GetProperty("mustContain").EnumerateArray().Select(e => e.GetString()!)]));
        }

        return cases;
    }
}
