using System.Diagnostics;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Search;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Search;

namespace Yorisoi.Bench;

/// <summary>
/// The similar-case query of a suggestion on a case index of generated cases, without the database: the index is built
/// once in the results folder (and reused while its case count matches), then the query
/// <see cref="CaseSearchService.SimilarRequest"/> makes is timed for the busiest center's narratives. Lets the query be
/// tuned on a million cases in seconds; the `search` command confirms the figure through HTTP.
/// </summary>
public static class SimilarSpeed
{
    public static Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var catalog = CodeListCatalog.LoadEmbedded();
        var (centers, generator) = AnalysisSpeed.Generator(catalog, options.Seed);
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var schema = CaseIndexSchema.Create(catalog.Current);
        var directory = Path.Combine(options.ResultsDirectory, $"similar-index-{options.Cases}");
        var byCenter = new Dictionary<Guid, int>();
        var narratives = new Dictionary<Guid, List<string>>();
        var fresh = !Directory.Exists(directory);
        using (var index = TextIndex.Open(directory, schema, MeCabAnalyzer.Shared, new TextIndexOptions { RamBufferSizeMb = 128 }))
        {
            var wall = Stopwatch.StartNew();
            for (var done = 0; done < options.Cases;)
            {
                var batch = Enumerable.Range(0, Math.Min(10_000, options.Cases - done)).Select(_ => generator.Next(now.AddYears(-options.Years), now, now)).ToList();
                foreach (var c in batch)
                {
                    byCenter[c.CenterId] = byCenter.GetValueOrDefault(c.CenterId) + 1;
                    var list = narratives.TryGetValue(c.CenterId, out var l) ? l : narratives[c.CenterId] = [];
                    if (list.Count < options.Suggestions && (done % 7) == 0)
                    {
                        list.Add(c.Summary);
                    }
                }

                if (fresh)
                {
                    index.UpsertMany([.. batch.Select(AnalysisSpeed.Document)]);
                }

                done += batch.Count;
                if (fresh && done % 100_000 == 0)
                {
                    log.WriteLine($"{done:N0} cases indexed, {done / wall.Elapsed.TotalSeconds:N0} cases/s");
                }
            }

            if (fresh)
            {
                index.Commit();
                log.WriteLine($"Index of {options.Cases:N0} generated cases built in {wall.Elapsed.TotalSeconds:F0} s ({options.Cases / wall.Elapsed.TotalSeconds:N0} cases/s, no database)");
            }
        }

        using var reopened = TextIndex.Open(directory, schema, MeCabAnalyzer.Shared);
        var busiest = byCenter.MaxBy(kv => kv.Value);
        Dictionary<string, IReadOnlyList<string>> filter = new(StringComparer.Ordinal) { [CaseIndexSchema.VisibleTo] = [busiest.Key.ToString()] };
        var texts = narratives[busiest.Key];
        var request = CaseSearchService.SimilarRequest(filter, NarrativeSuggestions.Limit + 5);
        foreach (var text in texts.Take(30))
        {
            reopened.MoreLikeThis(text, request);
        }

        var times = new List<double>(texts.Count);
        var hits = 0;
        foreach (var text in texts)
        {
            var start = Stopwatch.GetTimestamp();
            hits += reopened.MoreLikeThis(text, request).Hits.Count;
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        log.WriteLine($"similar cases, {texts.Count} narratives, one center ({busiest.Value:N0} of {options.Cases:N0} cases): p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, mean {times.Average():F1} ms; {hits / (double)texts.Count:F1} hits each");
        // One-center search as the API runs it (snippets and the seven facets), on the bench's typical queries.
        var searches = new List<double>();
        var byQuery = new Dictionary<string, double>(StringComparer.Ordinal);
        SearchRequest Search(BenchQuery q) => new() { Query = q.Text, Limit = 20, Filters = filter, Snippets = CaseIndexSchema.SnippetFields, Facets = CaseIndexSchema.Facets };
        foreach (var q in SearchBenchmark.Queries)
        {
            reopened.Search(Search(q));
        }

        for (var round = 0; round < 10; round++)
        {
            foreach (var q in SearchBenchmark.Queries)
            {
                var start = Stopwatch.GetTimestamp();
                reopened.Search(Search(q));
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                searches.Add(ms);
                byQuery[q.Text] = byQuery.GetValueOrDefault(q.Text) + ms / 10;
            }
        }

        searches.Sort();
        double S(double q) => searches[Math.Min(searches.Count - 1, (int)Math.Ceiling(q * searches.Count) - 1)];
        log.WriteLine($"search, {searches.Count} queries, one center: p50 {S(0.5):F1} ms, p95 {S(0.95):F1} ms, mean {searches.Average():F1} ms; slowest (mean ms): {string.Join(", ", byQuery.OrderByDescending(kv => kv.Value).Take(6).Select(kv => $"{kv.Key} {kv.Value:F0}"))}");
        return Task.FromResult(0);
    }
}
