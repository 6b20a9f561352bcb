using System.Diagnostics;
using Yorisoi.Core.Assistance;
using Yorisoi.Core.Assistance.Checklists;
using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Core.Assistance.Rules;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Knowledge;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Bench;

/// <summary>
/// The FAQ part of a suggestion without the database or a case index: generated narratives against the shipped entries,
/// timed one after another. The part does not depend on the number of cases, so it can be tuned (and profiled) here in
/// seconds and confirmed by the `search` command's in-process figure.
/// </summary>
public static class SuggestionSpeed
{
    public static Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var catalog = CodeListCatalog.LoadEmbedded();
        var (centers, generator) = AnalysisSpeed.Generator(catalog, options.Seed);
        var now = DateTimeOffset.UtcNow;
        var narratives = Enumerable.Range(0, options.Suggestions).Select(_ => generator.Next(now.AddYears(-1), now, now).Summary).ToList();
        var categories = FaqCategories.LoadEmbedded();
        using var faq = new FaqSearchIndex(MeCabAnalyzer.Shared, catalog.Current, categories);
        faq.Replace(FaqImporter.ReadShipped(catalog.Current, categories).Select(FaqIndexEntry.From));
        var staff = FaqVisibility.Staff(centers[0].Id);
        foreach (var text in narratives.Take(30))
        {
            faq.Suggest(text, staff, NarrativeSuggestions.Limit);
        }

        using (var probe = Yorisoi.Text.Search.TextIndex.Temporary(FaqSearchIndex.Schema, MeCabAnalyzer.Shared))
        {
            // The size of the narrative's query: every leaf costs a term look-up per segment and a postings reader.
            var leaves = 0;
            var perNarrative = 0;
            var distinct = new HashSet<Lucene.Net.Search.Query>();
            void Walk(Lucene.Net.Search.Query q)
            {
                switch (q)
                {
                    case Lucene.Net.Search.BooleanQuery b: foreach (var c in b.Clauses) { Walk(c.Query); } break;
                    case Lucene.Net.Search.DisjunctionMaxQuery d: foreach (var c in d.Disjuncts) { Walk(c); } break;
                    default: leaves++; var copy = (Lucene.Net.Search.Query)q.Clone(); copy.Boost = 1; distinct.Add(copy); break;
                }
            }

            foreach (var text in narratives.Take(50))
            {
                if (probe.QueryParser.ParseNatural(text).Query is { } query)
                {
                    distinct.Clear();
                    Walk(query);
                    perNarrative += distinct.Count;
                }
            }

            log.WriteLine($"natural query of a narrative: {leaves / 50.0:F0} leaf queries, {perNarrative / 50.0:F0} distinct (per narrative, over 50)");
        }

        Time(log, "whole FAQ part", narratives, text => faq.Suggest(text, staff, NarrativeSuggestions.Limit));
        // Its rankings one by one (each without the final snippets), to see which one a change should aim at.
        Time(log, "  words of the narrative", narratives, text => faq.SuggestByWords(text, staff, NarrativeSuggestions.Limit + 20));
        Time(log, "  MoreLikeThis", narratives, text => faq.SuggestMoreLikeThis(text, staff, NarrativeSuggestions.Limit + 20));
        Time(log, "  legal situations", narratives, text => faq.SuggestBySituation(text, staff, NarrativeSuggestions.Limit + 20));

        // The assistance of the case form (POST /api/assist/suggestions): the FAQ hits lend their codes to the shipped
        // classification, then the checklists and the rules for the fields as typed.
        var classifier = new ShippedCodeClassifier(catalog.Current, ClassificationCues.LoadEmbedded());
        var checklists = ChecklistCatalog.LoadEmbedded();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fields = new AssistCaseFields { SalesForm = "S2", ContractDate = today.AddDays(-3), DocumentReceivedDate = today.AddDays(-3), ContractAmount = 300_000, PaymentMethod = "P05" };
        Time(log, "assistance: classification, checklists and rules", narratives, text =>
        {
            var codes = classifier.Suggest(text, faq.Suggest(text, staff, 10, marks: false), CaseAssistant.Limit);
            CaseAssistant.ChecklistsFor(checklists, fields, codes);
            ApplicableRules.Evaluate(CaseAssistant.FactsOf(fields, text, today));
        });
        Time(log, "  classification alone (no FAQ hits)", narratives, text => classifier.Suggest(text, [], CaseAssistant.Limit));
        Time(log, "  rules alone", narratives, text => ApplicableRules.Evaluate(CaseAssistant.FactsOf(fields, text, today)));
        return Task.FromResult(0);
    }

    private static void Time(TextWriter log, string name, List<string> narratives, Action<string> work)
    {
        var times = new List<double>(narratives.Count);
        var gcs = GC.CollectionCount(0);
        foreach (var text in narratives)
        {
            var start = Stopwatch.GetTimestamp();
            work(text);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        log.WriteLine($"{name}, {narratives.Count} narratives of {narratives.Average(n => n.Length):F0} characters: p50 {At(0.5):F1} ms, p95 {At(0.95):F1} ms, mean {times.Average():F1} ms; {GC.CollectionCount(0) - gcs} collections");
    }
}
