using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Yorisoi.Core.Assistance.Classification;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Bench;

/// <summary>
/// Trains the classification model as the host does (the same trainer, reading the approved cases from PostgreSQL in
/// pages, analysing each page on every core, holding out one in ten for the quality figures), after the load of
/// `--cases` cases. Target: 1,000,000 cases in under 10 minutes on 2 cores.
/// </summary>
public static class TrainingSpeed
{
    public const double TargetSeconds = 600;

    public static async Task<(string Markdown, string ModelPath)> RunAsync(ServiceProvider services, int loaded, string resultsDirectory, TextWriter log, CancellationToken ct)
    {
        var path = Path.Combine(resultsDirectory, "case-codes.json.gz");
        var store = new CaseCodeModelStore(path, NullLogger<CaseCodeModelStore>.Instance);
        var trainer = new CaseCodeModelTrainer(
            services.GetRequiredService<IServiceScopeFactory>(), MeCabAnalyzer.Shared, store, new CaseCodeModelOptions(), TimeProvider.System, NullLogger<CaseCodeModelTrainer>.Instance);
        await log.WriteLineAsync($"Training the case code model on the approved cases of {loaded:N0}");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.StartNew();
        var attempt = await trainer.TrainAsync(ct) ?? throw new InvalidOperationException("Another training was running.");
        started.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var model = store.Current ?? throw new InvalidOperationException($"No model was trained: {attempt.Result}.");
        Process.GetCurrentProcess().Refresh();
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        var fileMb = new FileInfo(path).Length / (1024.0 * 1024);
        var seconds = started.Elapsed.TotalSeconds;
        var lines = new List<string>
        {
            "| figure | measured | target |",
            "|---|---|---|",
            $"| training on the approved cases | **{seconds:F0} s** for {model.Cases:N0} cases learned ({model.Cases / seconds:N0} cases/s; CPU {cpuSeconds:F0} s) | < {TargetSeconds:F0} s: {(seconds < TargetSeconds ? "met" : "**missed**")} |",
            $"| bench process peak working set | {peakMb:N0} MB | — |",
            $"| model file | {fileMb:F1} MB (gzip JSON, words used by at least {CaseCodeModel.MinCasesPerWord} cases) | — |",
            "",
            "Held-out quality (model alone, before the blend with the shipped words):",
            "",
            "| field | held-out cases | top-1 | top-3 | macro-F1 |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(model.Quality.Select(q => $"| {q.Field} | {q.Cases:N0} | {q.Top1:F3} | {q.Top3:F3} | {q.MacroF1:F3} |"));
        return (string.Join('\n', lines) + "\n", path);
    }

    /// <summary>
    /// POST /api/assist/suggestions through the running host with the trained model loaded (the shipped words, the FAQ
    /// index and the model blended), 400-character narratives of the busiest center, one request at a time; and the
    /// host's working set with the model loaded. The case index is not built (the assistance does not use it), so the
    /// figures are of the assistance alone.
    /// </summary>
    public static async Task<string> MeasureHostAsync(
        BenchOptions options, string connectionString, string personalKey, string lookupKey, string modelPath, Guid centerId, TextWriter log, CancellationToken ct)
    {
        var dataDirectory = Path.Combine(options.ResultsDirectory, "assist-host");
        Directory.CreateDirectory(Path.Combine(dataDirectory, "models"));
        File.Copy(modelPath, Path.Combine(dataDirectory, "models", "case-codes.json.gz"), overwrite: true);
        var environment = new Dictionary<string, string>(options.HostEnvironment)
        {
            ["DataDirectory"] = dataDirectory,
            ["Search__IndexerEnabled"] = "false",
            ["Assistance__Model__TrainOnStart"] = "false",
            ["Assistance__Model__RetrainHours"] = "0",
        };
        await using var data = NpgsqlDataSource.Create(connectionString);
        var narratives = await SearchBenchmark.NarrativesAsync(data, centerId, options.Suggestions + 100);
        await log.WriteLineAsync($"Measuring POST /api/assist/suggestions through the host with the model loaded ({options.Suggestions} requests after 100 to warm up)");
        await using var host = await WebHostProcess.StartAsync(options.HostDll, connectionString, personalKey, lookupKey, environment, Path.Combine(options.ResultsDirectory, "host-assist.log"), log);
        var afterStart = host.Memory().RssKb;
        using var client = await SearchBenchmark.CounselorClientAsync(host, ct);

        string? modelVersion = null;
        async Task<bool> AssistAsync(string text)
        {
            using var response = await client.PostAsJsonAsync("api/assist/suggestions", new { text, @case = new { salesForm = "S2", contractDate = "2026-11-20", documentReceivedDate = "2026-11-20", contractAmount = 300_000 } }, ct);
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(ct);
            modelVersion ??= body?["modelVersion"]?.GetValue<string>();
            return response.StatusCode == HttpStatusCode.OK;
        }

        foreach (var text in narratives.Take(100))
        {
            await AssistAsync(text);
        }

        var stats = await SearchBenchmark.TimeAsync("POST /api/assist/suggestions", narratives.Skip(100).ToList(), AssistAsync);
        var (rss, peak) = host.Memory();
        var met = stats.P95 < SearchBenchmark.AssistTargetMs && stats.Errors == 0 && modelVersion is not null;
        return string.Join('\n',
            "| figure | measured | target |",
            "|---|---|---|",
            $"| POST /api/assist/suggestions, 400-character narrative, model {modelVersion ?? "(none: not loaded)"} | p50 {stats.P50:F1} ms, **p95 {stats.P95:F1} ms**, p99 {stats.P99:F1} ms, max {stats.Max:F1} ms over {stats.Count} requests ({stats.Errors} errors) | p95 < {SearchBenchmark.AssistTargetMs:F0} ms: {(met ? "met" : "**missed**")} |",
            $"| host working set with the model loaded | {afterStart / 1024.0:N0} MB after start, {rss / 1024.0:N0} MB after the requests (peak {Math.Max(peak, host.MaxSampledRssKb) / 1024.0:N0} MB) | — |") + "\n";
    }
}
