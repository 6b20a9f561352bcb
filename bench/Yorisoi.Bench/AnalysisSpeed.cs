using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Demo;
using Yorisoi.Core.Search;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Search;

namespace Yorisoi.Bench;

/// <summary>
/// The cost of indexing without the database: generated cases turned into the case index's documents, each analyser
/// timed on its own and then whole documents added to an index on one and on two threads. Tells which part of the
/// indexing rate is analysis, which is Lucene, and how much a second core adds.
/// </summary>
public static class AnalysisSpeed
{
    public static async Task<int> RunAsync(BenchOptions options, TextWriter log)
    {
        var catalog = CodeListCatalog.LoadEmbedded();
        var (_, generator) = AnalysisSpeed.Generator(catalog, options.Seed);
        var now = DateTimeOffset.UtcNow;
        var count = Math.Min(options.Cases, 20_000);
        var cases = Enumerable.Range(0, count).Select(_ => generator.Next(now.AddYears(-1), now, now)).ToList();
        var texts = cases.SelectMany(c => new[] { c.Summary, c.ConsumerRequestNote, c.Business.Name }.Concat(c.HandlingLog.Select(h => h.Text))).Where(t => !string.IsNullOrEmpty(t)).Cast<string>().ToList();
        await log.WriteLineAsync($"{count:N0} generated cases, {texts.Count:N0} texts, {texts.Sum(t => t.Length) / (double)count:F0} characters per case");

        var mecab = MeCabAnalyzer.Shared;
        mecab.Analyze("準備");
        Measure(log, "MeCab alone", count, () => texts.ForEach(t => mecab.Analyze(t)));
        using (var recall = new RecallAnalyzer(unigrams: true))
        {
            Measure(log, "recall analyser (UAX #29 + bigrams + unigrams)", count, () => texts.ForEach(t => Drain(recall, t)));
        }

        using (var precision = new PrecisionAnalyzer(mecab))
        {
            Measure(log, "precision analyser (MeCab base forms)", count, () => texts.ForEach(t => Drain(precision, t)));
        }

        using (var reading = new ReadingAnalyzer(mecab))
        {
            Measure(log, "reading analyser (MeCab readings)", count, () => texts.ForEach(t => Drain(reading, t)));
        }

        var schema = CaseIndexSchema.Create(catalog.Current);
        var documents = cases.Select(Document).ToList();
        foreach (var threads in new[] { 1, 2 })
        {
            var directory = Directory.CreateTempSubdirectory("yorisoi-analysis-");
            try
            {
                using var index = TextIndex.Open(directory.FullName, schema, mecab, new TextIndexOptions { RamBufferSizeMb = 128 });
                Measure(log, $"whole documents into an index, {threads} thread(s), with commit", count, () =>
                {
                    index.UpsertMany(documents, threads);
                    index.Commit();
                });
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        return 0;
    }

    /// <summary>The demo centers (with stable ids, so a reused index and a new run agree) and a seeded generator of their cases.</summary>
    public static (List<Center> Centers, SyntheticCaseGenerator Generator) Generator(CodeListCatalog catalog, int seed)
    {
        var governments = DatabaseInitializer.ReadLocalGovernments();
        var centers = DatabaseInitializer.DemoCenters(governments);
        for (var i = 0; i < centers.Count; i++)
        {
            centers[i].Id = new Guid(i + 1, 0, 0, new byte[8]);
        }

        return (centers, new SyntheticCaseGenerator(catalog.Current, DatabaseInitializer.GeneratorCenters(centers, governments), seed));
    }

    /// <summary>A generated case as the case index's document (the fields <c>CaseDocuments</c> fills that the generator knows).</summary>
    public static IndexDocument Document(Case c)
    {
        var d = new IndexDocument(c.Id.ToString()).Text(CaseIndexSchema.Narrative, c.Summary).Text(CaseIndexSchema.RequestNote, c.ConsumerRequestNote)
            .Text(CaseIndexSchema.BusinessName, c.Business.Name).Keyword(CaseIndexSchema.Business, c.Business.Name).Keyword(CaseIndexSchema.Product, c.ProductCode)
            .Keyword(CaseIndexSchema.SalesForm, c.SalesFormCode).Keyword(CaseIndexSchema.Status, c.Status.ToString()).Keyword(CaseIndexSchema.VisibleTo, c.CenterId.ToString())
            .Keyword(CaseIndexSchema.Keyword, [.. c.Keywords.Select(k => k.Code)]).Date(CaseIndexSchema.Received, c.ReceivedAt);
        d.Text(CaseIndexSchema.HandlingLog, string.Join('\n', c.HandlingLog.Select(h => h.Text)));
        return d;
    }

    private static void Measure(TextWriter log, string name, int cases, Action work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        work();
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        log.WriteLine($"{name}: {wall.Elapsed.TotalSeconds:F2} s wall, {used.TotalSeconds:F2} s CPU = {cases / wall.Elapsed.TotalSeconds:N0} cases/s, "
            + $"{used.TotalMilliseconds * 1000 / cases:F0} µs CPU per case; {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / cases:F0} KB allocated per case, "
            + $"{GC.CollectionCount(0) - collections} collections pausing {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s");
    }

    private static void Drain(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("narrative", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();
    }
}
