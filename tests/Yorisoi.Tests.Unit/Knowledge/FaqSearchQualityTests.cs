using System.Globalization;
using Xunit.Abstractions;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Tests.Evaluation;
using Yorisoi.Tests.Unit.Text;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Tests.Unit.Knowledge;

/// <summary>One index of the shipped entries for the quality tests (built once; MeCab and Lucene are shared).</summary>
public sealed class ShippedFaqIndex : IDisposable
{
    public ShippedFaqIndex()
    {
        var codes = CodeListCatalog.LoadEmbedded().Current;
        var categories = FaqCategories.LoadEmbedded();
        Index = new FaqSearchIndex(MeCabFixture.Analyzer, codes, categories);
        Index.Replace(FaqImporter.ReadShipped(codes, categories).Select(FaqIndexEntry.From));
    }

    public FaqSearchIndex Index { get; }

    public void Dispose() => Index.Dispose();
}

/// <summary>
/// Search quality on the hand-written evaluation sets (tests/Evaluation): recall@5 and MRR of public FAQ search over
/// faq-queries.jsonl and of narrative suggestions over narratives.jsonl. Both fail below 0.80, the issue's floor (the
/// target is 0.85); narrative suggestions reach it with the legal-situation ranking (recall@5 0.775 without it).
/// Run with <c>--logger "console;verbosity=detailed"</c> to see the figures and the misses.
/// </summary>
public sealed class FaqSearchQualityTests(ShippedFaqIndex shipped, ITestOutputHelper output) : IClassFixture<ShippedFaqIndex>
{
    private const double Floor = 0.80;

    private static readonly FaqVisibility Counselor = FaqVisibility.Staff(Guid.Parse("0195f000-0000-7000-8000-000000000001"));

    [Fact]
    public void PublicSearchFindsTheAnsweringEntriesOfTheQuerySet()
    {
        var cases = EvaluationSet.FaqQueries();
        var score = EvaluationSet.Score(cases, q => shipped.Index.Search(new FaqIndexQuery(q, FaqVisibility.Public, Limit: EvaluationSet.K)).Hits.Select(h => h.Entry.Id).ToList());

        Report("Lucene public search (faq-queries.jsonl)", score);
        foreach (var style in cases.Select(c => c.Style).Distinct().Order(StringComparer.Ordinal))
        {
            var subset = cases.Where(c => c.Style == style).ToList();
            output.WriteLine($"  {style}: " + EvaluationSet.Score(subset, q => shipped.Index.Search(new FaqIndexQuery(q, FaqVisibility.Public, Limit: EvaluationSet.K)).Hits.Select(h => h.Entry.Id).ToList()));
        }

        Assert.True(score.RecallAt5 >= Floor, $"recall@5 {score.RecallAt5:0.000} is below {Floor}");
        Assert.True(score.Mrr >= Floor, $"MRR {score.Mrr:0.000} is below {Floor}");
    }

    [Fact]
    public void NarrativeSuggestionsFindTheEntriesACounselorNeeds()
    {
        var cases = EvaluationSet.Narratives();
        var score = EvaluationSet.Score(cases, t => shipped.Index.Suggest(t, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList());
        var moreLikeThis = EvaluationSet.Score(cases, t => shipped.Index.SuggestMoreLikeThis(t, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList());
        var words = EvaluationSet.Score(cases, t => shipped.Index.SuggestByWords(t, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList());
        var situations = EvaluationSet.Score(cases, t => shipped.Index.SuggestBySituation(t, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList());

        Report("Lucene narrative suggestions (narratives.jsonl)", score);
        output.WriteLine("  for comparison, MoreLikeThis alone: " + moreLikeThis);
        output.WriteLine("  for comparison, the narrative's words alone: " + words);
        output.WriteLine($"  for comparison, the legal situations alone: {situations} ({cases.Count(c => shipped.Index.SituationTerms(c.Text).Count > 0)} narratives show one)");

        Assert.True(score.RecallAt5 >= Floor, $"recall@5 {score.RecallAt5:0.000} is below {Floor}");
        Assert.True(score.Mrr >= Floor, $"MRR {score.Mrr:0.000} is below {Floor}");
    }

    [Fact]
    public void TheLegalSituationsRaiseNarrativeRecall()
    {
        var codes = CodeListCatalog.LoadEmbedded().Current;
        var categories = FaqCategories.LoadEmbedded();
        using var withoutSituations = new FaqSearchIndex(MeCabFixture.Analyzer, codes, categories, situations: SituationList.Empty);
        withoutSituations.Replace(FaqImporter.ReadShipped(codes, categories).Select(FaqIndexEntry.From));
        var cases = EvaluationSet.Narratives();

        var with = EvaluationSet.Score(cases, t => shipped.Index.Suggest(t, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList());
        var without = EvaluationSet.Score(cases, t => withoutSituations.Suggest(t, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList());

        output.WriteLine($"with the legal situations: {with}; without: {without}");
        Assert.True(with.RecallAt5 >= without.RecallAt5 + 0.03, $"recall@5 {with.RecallAt5:0.000} with the situations, {without.RecallAt5:0.000} without");
    }

    [Fact]
    public void ANarrativeOfAFlatAssuranceBringsTheConsumerContractActEntry()
    {
        const string text = "貴金属の会社の営業に「金はこれから必ず値上がりする、今が買い時」と言われ、店で金貨を買った。";

        var ids = shipped.Index.Suggest(text, Counselor, EvaluationSet.K).Select(h => h.Entry.Id).ToList();

        Assert.Contains("断定的判断", shipped.Index.SituationTerms(text));
        Assert.Contains("keiyaku-torikeshi-shokeiho", ids);
    }

    [Fact]
    public void PublicSearchNeverReturnsInternalEntries()
    {
        var ids = EvaluationSet.Narratives().SelectMany(n => shipped.Index.Search(new FaqIndexQuery(n.Text, FaqVisibility.Public, Limit: 20)).Hits).Select(h => h.Entry).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, e => Assert.Equal(FaqAudience.Public, e.Audience));
    }

    private void Report(string what, EvaluationScore score)
    {
        output.WriteLine($"{what}: {score}");
        foreach (var (item, top) in score.Misses)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  miss {item.Id} [{item.Style}] {Cut(item.Text)} | want {string.Join(",", item.Relevant)} | got {string.Join(",", top)}"));
        }
    }

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
