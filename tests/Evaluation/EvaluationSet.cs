using System.Globalization;
using System.Text.Json;

namespace Yorisoi.Tests.Evaluation;

/// <summary>One query or narrative of tests/Evaluation with the entries that answer it, best first.</summary>
public sealed record EvaluationCase(string Id, string Text, IReadOnlyList<string> Relevant, string Style);

/// <summary>recall@5 (share of the relevant entries found in the top 5, averaged over cases) and MRR (1/rank of the first relevant entry).</summary>
public sealed record EvaluationScore(int Cases, double RecallAt5, double Mrr, IReadOnlyList<(EvaluationCase Case, IReadOnlyList<string> Top)> Misses)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cases} cases: recall@5 {RecallAt5:0.000}, MRR {Mrr:0.000}");
}

/// <summary>
/// Reads the hand-written evaluation sets (format checked by scripts/check_evaluation.py) and scores a ranking
/// function on them. Linked into the unit and integration test projects, so Lucene and pg_trgm are scored alike.
/// </summary>
public static class EvaluationSet
{
    public const int K = 5;

    public static IReadOnlyList<EvaluationCase> FaqQueries() =>
        Read("faq-queries.jsonl", "query", "relevant", "style");

    public static IReadOnlyList<EvaluationCase> Narratives() =>
        Read("narratives.jsonl", "text", "relevantFaq", null);

    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Yorisoi.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Evaluation");
            }
        }

        throw new DirectoryNotFoundException($"Yorisoi.slnx was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Scores <paramref name="rank"/> (ids, best first) on every case.</summary>
    public static async Task<EvaluationScore> ScoreAsync(IReadOnlyList<EvaluationCase> cases, Func<string, Task<IReadOnlyList<string>>> rank)
    {
        double recall = 0, reciprocal = 0;
        var misses = new List<(EvaluationCase, IReadOnlyList<string>)>();
        foreach (var item in cases)
        {
            var top = (await rank(item.Text)).Take(K).ToList();
            var found = item.Relevant.Count(top.Contains);
            recall += (double)found / Math.Min(item.Relevant.Count, K);
            var first = top.FindIndex(item.Relevant.Contains);
            reciprocal += first < 0 ? 0 : 1.0 / (first + 1);
            if (found < item.Relevant.Count)
            {
                misses.Add((item, top));
            }
        }

        return new EvaluationScore(cases.Count, recall / cases.Count, reciprocal / cases.Count, misses);
    }

    public static EvaluationScore Score(IReadOnlyList<EvaluationCase> cases, Func<string, IReadOnlyList<string>> rank) =>
        ScoreAsync(cases, text => Task.FromResult(rank(text))).GetAwaiter().GetResult();

    private static List<EvaluationCase> Read(string file, string textField, string relevantField, string? styleField)
    {
        var cases = new List<EvaluationCase>();
        foreach (var line in File.ReadLines(Path.Combine(Directory(), file)))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            cases.Add(new EvaluationCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty(textField).GetString()!,
                root.GetProperty(relevantField).EnumerateArray().Select(e => e.GetString()!).ToList(),
                styleField is not null && root.TryGetProperty(styleField, out var style) ? style.GetString() ?? "" : ""));
        }

        return cases;
    }
}
