using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Knowledge;
using Yorisoi.Core.Search;
using Yorisoi.Text.Analysis;
using Yorisoi.Text.Search;

namespace Yorisoi.Bench;

/// <summary>
/// One typical query a counselor types into case search (1–3 words, written as people write: kanji, kana, colloquial),
/// with the 内容キーワード that marks the cases it is after. The generator gives every case of a scenario that scenario's
/// keywords, so the cases carrying the keyword are the ones the query should find.
/// </summary>
public sealed record BenchQuery(string Text, string Keyword);

public sealed record SearchQuality(string Method, double Recall, double PrecisionAt20, int Queries);

public sealed class SearchFigures
{
    public int Indexed { get; set; }

    public TimeSpan IndexElapsed { get; set; }

    public long IndexerPeakKb { get; set; }

    public long IndexBytes { get; set; }

    public TimeSpan TrigramIndexElapsed { get; set; }

    public long TrigramIndexBytes { get; set; }

    public List<LatencyStats> Latencies { get; } = [];

    public List<SearchQuality> Quality { get; } = [];

    public long HostPeakKb { get; set; }

    public long HostAfterWarmupKb { get; set; }

    public int CenterCases { get; set; }

    public double IndexRate => Indexed / IndexElapsed.TotalSeconds;
}

/// <summary>
/// The search targets of the knowledge issue on the loaded database: the host's `reindex` builds the case index from
/// every case (rate, peak memory, size on disk); the same queries then run through Lucene (in this process, within one
/// center and across the country, and through the host's HTTP API) and through PostgreSQL's own option, a pg_trgm GIN
/// index with ILIKE and similarity, in the same run; and recall of both is measured against the generator's keywords.
/// </summary>
public static class SearchBenchmark
{
    public const double CenterTargetMs = 150;
    public const double NationalTargetMs = 500;
    public const double SuggestionTargetMs = 100;

    /// <summary>The counselor-assistance issue: classification, checklists and rules for a 400-character narrative.</summary>
    public const double AssistTargetMs = 50;
    public const double IndexTargetPerSecond = 2_000;

    public static IReadOnlyList<BenchQuery> Queries { get; } =
    [
        new("定期購入", "K0208"), new("ていきこうにゅう", "K0208"), new("定期 解約", "K0208"), new("お試し 定期", "K0208"), new("サプリ 定期購入 解約", "K0208"),
        new("架空請求", "K0214"), new("身に覚えのない請求", "K0214"), new("かくうせいきゅう", "K0214"), new("未払い 料金 メール", "K0214"),
        new("点検商法", "K0210"), new("屋根 点検", "K0210"), new("てんけん", "K0210"), new("無料点検 工事", "K0210"),
        new("副業", "K0217"), new("副業 情報商材", "K0217"), new("ふくぎょう", "K0217"), new("簡単に稼げる", "K0217"),
        new("投資", "K0216"), new("暗号資産 投資", "K0216"), new("もうかる", "K0216"),
        new("電話勧誘", "K0206"), new("電話 勧誘 光回線", "K0206"), new("でんわかんゆう", "K0206"),
        new("自動更新", "K0109"), new("サブスク 解約", "K0109"), new("じどうこうしん", "K0109"),
        new("未成年", "K0107"), new("子ども ゲーム 課金", "K0107"), new("みせいねん", "K0107"),
        new("強引な勧誘", "K0201"), new("長時間 居座り", "K0202"), new("中途解約", "K0102"), new("解約料 高い", "K0102"),
        new("クーリングオフ", "K0105"), new("くーりんぐおふ 訪問販売", "K0105"), new("不当請求", "K0302"), new("高額 請求", "K0301"),
    ];

    public static async Task<SearchFigures> RunAsync(
        BenchOptions options, string connectionString, string personalKey, string lookupKey, Guid centerId, TextWriter log, CancellationToken ct)
    {
        var figures = new SearchFigures();
        var indexDirectory = Path.Combine(options.ResultsDirectory, "case-index");
        if (Directory.Exists(indexDirectory))
        {
            Directory.Delete(indexDirectory, recursive: true);
        }

        var environment = new Dictionary<string, string>(options.HostEnvironment) { ["Search__IndexDirectory"] = indexDirectory };
        await using var data = NpgsqlDataSource.Create(connectionString);
        figures.CenterCases = (int)await ScalarAsync<long>(data, "SELECT count(*) FROM cases WHERE center_id = $1", centerId);

        await log.WriteLineAsync("Building the case index with the host's `reindex` command");
        var (exitCode, output, elapsed, peak) = await WebHostProcess.RunCommandAsync(options.HostDll, connectionString, personalKey, lookupKey, environment, "reindex");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"reindex failed ({exitCode}): {output}");
        }

        figures.Indexed = await ScalarAsync<int>(data, "SELECT count(*)::int FROM cases");
        figures.IndexElapsed = elapsed;
        figures.IndexerPeakKb = peak;
        figures.IndexBytes = DirectoryBytes(indexDirectory);
        await log.WriteLineAsync($"{output.Trim()} — {elapsed.TotalSeconds:F1} s, {figures.IndexRate:N0} cases/s, peak {peak / 1024:N0} MB, {figures.IndexBytes / (1024.0 * 1024):N0} MB on disk");

        await log.WriteLineAsync("Creating the pg_trgm GIN index on cases.summary");
        var step = Stopwatch.StartNew();
        await ExecuteAsync(data, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
        await ExecuteAsync(data, "CREATE INDEX IF NOT EXISTS bench_cases_summary_trgm ON cases USING gin (summary gin_trgm_ops)");
        await ExecuteAsync(data, "ANALYZE cases");
        figures.TrigramIndexElapsed = step.Elapsed;
        figures.TrigramIndexBytes = await ScalarAsync<long>(data, "SELECT pg_relation_size('bench_cases_summary_trgm')");

        var random = new Random(options.Seed + 7);
        var measured = Enumerable.Range(0, options.Searches).Select(_ => Queries[random.Next(Queries.Count)]).ToList();
        var narratives = await NarrativesAsync(data, centerId, options.Suggestions);
        var center = centerId.ToString();

        // In this process, straight on the index the host will open: one center (the visibility filter every counselor's
        // search carries) and the whole country (no filter), with the snippets and facets the API computes.
        using (var index = new CaseIndex(new CaseSearchOptions { IndexDirectory = indexDirectory }, indexDirectory, CodeListCatalog.LoadEmbedded(), MeCabAnalyzer.Shared))
        {
            Dictionary<string, IReadOnlyList<string>> centerFilter = new(StringComparer.Ordinal) { [CaseIndexSchema.VisibleTo] = [center] };
            SearchRequest Request(BenchQuery q, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters) => new()
            {
                Query = q.Text, Limit = 20, Filters = filters, Snippets = CaseIndexSchema.SnippetFields, Facets = CaseIndexSchema.Facets,
            };

            foreach (var q in Queries.Concat(measured.Take(200)))
            {
                index.Read(i => i.Search(Request(q, centerFilter)));
                index.Read(i => i.Search(Request(q, null)));
            }

            figures.Latencies.Add(Time("Lucene, one center (in process)", measured, q => index.Read(i => i.Search(Request(q, centerFilter)))));
            figures.Latencies.Add(Time("Lucene, national (in process)", measured, q => index.Read(i => i.Search(Request(q, null)))));
            // The suggestion's two parts as the host runs them: the similar cases' index query (the request the service
            // makes, with its few extra hits), the FAQ part on an index of the shipped entries, and both side by side.
            SimilarResult Similar(string text) => index.Read(i => i.MoreLikeThis(text, CaseSearchService.SimilarRequest(centerFilter, NarrativeSuggestions.Limit + 5)));
            var codes = CodeListCatalog.LoadEmbedded().Current;
            var categories = FaqCategories.LoadEmbedded();
            using var faq = new FaqSearchIndex(MeCabAnalyzer.Shared, codes, categories);
            faq.Replace(FaqImporter.ReadShipped(codes, categories).Select(FaqIndexEntry.From));
            var staff = FaqVisibility.Staff(centerId);
            foreach (var text in narratives.Take(30))
            {
                Similar(text);
                faq.Suggest(text, staff, NarrativeSuggestions.Limit);
            }

            figures.Latencies.Add(Time("Lucene similar cases for a 400-character narrative, one center (in process)", narratives, text => Similar(text)));
            figures.Latencies.Add(Time("FAQ suggestions for a 400-character narrative (in process)", narratives, text => faq.Suggest(text, staff, NarrativeSuggestions.Limit)));
            figures.Latencies.Add(Time("both suggestion parts side by side (in process)", narratives,
                text => Task.WaitAll(Task.Run(() => faq.Suggest(text, staff, NarrativeSuggestions.Limit)), Task.Run(() => Similar(text)))));
            figures.Quality.Add(await LuceneQualityAsync(index, data, centerId, centerFilter));
        }

        await log.WriteLineAsync("Running the same queries through pg_trgm");
        var trigramSample = measured.Take(Math.Min(measured.Count, options.TrigramSearches)).ToList();
        figures.Latencies.Add(await TimeAsync("pg_trgm ILIKE + similarity, one center", trigramSample, q => TrigramTopAsync(data, q, centerId)));
        figures.Latencies.Add(await TimeAsync("pg_trgm ILIKE + similarity, national", trigramSample, q => TrigramTopAsync(data, q, null)));
        figures.Quality.Add(await TrigramQualityAsync(data, centerId));

        await log.WriteLineAsync("Measuring search and suggestions through the host's HTTP API");
        await using var host = await WebHostProcess.StartAsync(options.HostDll, connectionString, personalKey, lookupKey, environment, Path.Combine(options.ResultsDirectory, "host-search.log"), log);
        using var client = await CounselorClientAsync(host, ct);

        async Task<bool> SearchAsync(BenchQuery q)
        {
            using var response = await client.GetAsync($"api/search/cases?q={Uri.EscapeDataString(q.Text)}&pageSize=20", ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        async Task<bool> SuggestAsync(string text)
        {
            using var response = await client.PostAsJsonAsync("api/faq/suggestions", new { text }, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        foreach (var q in measured.Take(200))
        {
            await SearchAsync(q);
        }

        async Task<bool> AssistAsync(string text)
        {
            using var response = await client.PostAsJsonAsync("api/assist/suggestions", new { text, @case = new { salesForm = "S2", contractDate = "2026-11-20", documentReceivedDate = "2026-11-20", contractAmount = 300_000 } }, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        foreach (var text in narratives.Take(100))
        {
            await SuggestAsync(text);
            await AssistAsync(text);
        }

        figures.HostAfterWarmupKb = host.Memory().RssKb;
        figures.Latencies.Add(await TimeAsync("GET /api/search/cases, one center (HTTP)", measured, SearchAsync));
        figures.Latencies.Add(await TimeAsync("POST /api/faq/suggestions, 400-character narrative (HTTP)", narratives, SuggestAsync));
        figures.Latencies.Add(await TimeAsync("POST /api/assist/suggestions, 400-character narrative (HTTP)", narratives, AssistAsync));
        figures.HostPeakKb = Math.Max(host.Memory().PeakKb, host.MaxSampledRssKb);
        return figures;
    }

    public static string ToMarkdown(SearchFigures f)
    {
        var s = new StringBuilder();
        static string Ok(bool met) => met ? "met" : "**missed**";
        LatencyStats? L(string prefix) => f.Latencies.FirstOrDefault(l => l.Name.StartsWith(prefix, StringComparison.Ordinal));
        var center = L("GET /api/search/cases");
        var national = L("Lucene, national");
        var suggestions = L("POST /api/faq/suggestions");
        var trigramCenter = L("pg_trgm ILIKE + similarity, one center");
        var luceneCenter = L("Lucene, one center");
        s.AppendLine("## Search (knowledge issue)");
        s.AppendLine();
        s.AppendLine("| target | figure | result |");
        s.AppendLine("| --- | --- | --- |");
        s.AppendLine($"| indexing ≥ {IndexTargetPerSecond:N0} cases/s | {f.IndexRate:N0} cases/s ({f.Indexed:N0} cases in {f.IndexElapsed.TotalSeconds:F0} s, `reindex`) | {Ok(f.IndexRate >= IndexTargetPerSecond)} |");
        if (center is not null)
        {
            s.AppendLine($"| search p95 < {CenterTargetMs} ms in one center | {center.P95:F1} ms HTTP (p50 {center.P50:F1}; {f.CenterCases:N0} cases in the center) | {Ok(center.P95 < CenterTargetMs && center.Errors == 0)} |");
        }

        if (national is not null)
        {
            s.AppendLine($"| search p95 < {NationalTargetMs} ms nationally | {national.P95:F1} ms (p50 {national.P50:F1}; {f.Indexed:N0} cases) | {Ok(national.P95 < NationalTargetMs)} |");
        }

        if (suggestions is not null)
        {
            s.AppendLine($"| suggestions p95 < {SuggestionTargetMs} ms (400-character narrative) | {suggestions.P95:F1} ms HTTP (p50 {suggestions.P50:F1}) | {Ok(suggestions.P95 < SuggestionTargetMs && suggestions.Errors == 0)} |");
        }

        if (L("POST /api/assist/suggestions") is { } assist)
        {
            s.AppendLine($"| assistance suggestions p95 < {AssistTargetMs} ms (classification, checklists, rules; counselor-assistance issue) | {assist.P95:F1} ms HTTP (p50 {assist.P50:F1}) | {Ok(assist.P95 < AssistTargetMs && assist.Errors == 0)} |");
        }

        if (luceneCenter is not null && trigramCenter is not null)
        {
            var lucene = f.Quality.First(q => q.Method == "Lucene");
            var trigram = f.Quality.First(q => q.Method == "pg_trgm");
            s.AppendLine($"| ≥ 5× faster than pg_trgm at equal or better recall | {trigramCenter.P95 / luceneCenter.P95:F1}× at p95 in one center (in process); recall {lucene.Recall:F3} vs {trigram.Recall:F3} | {Ok(trigramCenter.P95 / luceneCenter.P95 >= 5 && lucene.Recall >= trigram.Recall)} |");
        }

        s.AppendLine();
        s.AppendLine($"Index on disk **{f.IndexBytes / (1024.0 * 1024):N0} MB**; `reindex` peak memory {f.IndexerPeakKb / 1024:N0} MB; pg_trgm GIN index {f.TrigramIndexBytes / (1024.0 * 1024):N0} MB, built in {f.TrigramIndexElapsed.TotalSeconds:F0} s. " +
                     $"Web host with the index open: {f.HostAfterWarmupKb / 1024:N0} MB after warm-up, peak (VmHWM) **{f.HostPeakKb / 1024:N0} MB**.");
        s.AppendLine();
        s.AppendLine("| request (ms) | n | errors | p50 | p95 | p99 | max | mean |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var l in f.Latencies)
        {
            s.AppendLine($"| {l.Name} | {l.Count} | {l.Errors} | {l.P50:F1} | {l.P95:F1} | {l.P99:F1} | {l.Max:F1} | {l.Mean:F1} |");
        }

        s.AppendLine();
        s.AppendLine("| recall against the generator's keywords, one center | recall (matched ÷ cases carrying the keyword) | precision of the top 20 | queries |");
        s.AppendLine("| --- | --- | --- | --- |");
        foreach (var q in f.Quality)
        {
            s.AppendLine($"| {q.Method} | {q.Recall:F3} | {q.PrecisionAt20:F3} | {q.Queries} |");
        }

        s.AppendLine();
        s.AppendLine($"Queries: {Queries.Count} typical 1–3 word queries (kanji, hiragana-only, colloquial), drawn at random; Lucene searches carry the " +
                     "snippets and the seven facets the API returns; pg_trgm ranks `summary ILIKE` every word by `similarity` (top 20). Recall and precision are " +
                     "averaged over the queries: a case is relevant when it carries the query's 内容キーワード.");
        return s.ToString();
    }

    private static async Task<SearchQuality> LuceneQualityAsync(CaseIndex index, NpgsqlDataSource data, Guid centerId, Dictionary<string, IReadOnlyList<string>> centerFilter)
    {
        double recall = 0, precision = 0;
        foreach (var q in Queries)
        {
            var relevant = await RelevantCountAsync(data, centerId, q.Keyword);
            var filters = new Dictionary<string, IReadOnlyList<string>>(centerFilter, StringComparer.Ordinal) { [CaseIndexSchema.Keyword] = [q.Keyword] };
            // Limit 1, not 0: Lucene answers a request for no documents with an empty result that also counts none.
            var matched = index.Read(i => i.Search(new SearchRequest { Query = q.Text, Limit = 1, Filters = filters })).TotalHits;
            var top = index.Read(i => i.Search(new SearchRequest { Query = q.Text, Limit = 20, Filters = centerFilter })).Hits.Select(h => Guid.Parse(h.Id)).ToArray();
            recall += relevant == 0 ? 0 : Math.Min(1.0, matched / (double)relevant);
            precision += top.Length == 0 ? 0 : await CarryingAsync(data, top, q.Keyword) / (double)top.Length;
        }

        return new SearchQuality("Lucene", recall / Queries.Count, precision / Queries.Count, Queries.Count);
    }

    private static async Task<SearchQuality> TrigramQualityAsync(NpgsqlDataSource data, Guid centerId)
    {
        double recall = 0, precision = 0;
        foreach (var q in Queries)
        {
            var relevant = await RelevantCountAsync(data, centerId, q.Keyword);
            await using var count = data.CreateCommand(
                "SELECT count(*) FROM cases c WHERE c.center_id = $1 AND c.summary ILIKE ALL($2) AND EXISTS (SELECT 1 FROM case_keywords k WHERE k.case_id = c.id AND k.code = $3)");
            count.Parameters.Add(new NpgsqlParameter { Value = centerId });
            count.Parameters.Add(new NpgsqlParameter { Value = Patterns(q) });
            count.Parameters.Add(new NpgsqlParameter { Value = q.Keyword });
            var matched = (long)(await count.ExecuteScalarAsync())!;
            var top = await TrigramTopAsync(data, q, centerId);
            recall += relevant == 0 ? 0 : Math.Min(1.0, matched / (double)relevant);
            precision += top.Count == 0 ? 0 : await CarryingAsync(data, [.. top], q.Keyword) / (double)top.Count;
        }

        return new SearchQuality("pg_trgm", recall / Queries.Count, precision / Queries.Count, Queries.Count);
    }

    private static async Task<List<Guid>> TrigramTopAsync(NpgsqlDataSource data, BenchQuery q, Guid? centerId)
    {
        await using var command = data.CreateCommand(centerId is null
            ? "SELECT id FROM cases WHERE summary ILIKE ALL($1) ORDER BY similarity(summary, $2) DESC LIMIT 20"
            : "SELECT id FROM cases WHERE center_id = $3 AND summary ILIKE ALL($1) ORDER BY similarity(summary, $2) DESC LIMIT 20");
        command.Parameters.Add(new NpgsqlParameter { Value = Patterns(q) });
        command.Parameters.Add(new NpgsqlParameter { Value = q.Text });
        if (centerId is { } c)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = c });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>(20);
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static string[] Patterns(BenchQuery q) =>
        q.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "%" + w.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%").ToArray();

    private static async Task<long> RelevantCountAsync(NpgsqlDataSource data, Guid centerId, string keyword)
    {
        await using var command = data.CreateCommand("SELECT count(*) FROM cases c JOIN case_keywords k ON k.case_id = c.id WHERE c.center_id = $1 AND k.code = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = centerId });
        command.Parameters.Add(new NpgsqlParameter { Value = keyword });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CarryingAsync(NpgsqlDataSource data, Guid[] ids, string keyword)
    {
        await using var command = data.CreateCommand("SELECT count(DISTINCT case_id) FROM case_keywords WHERE case_id = ANY($1) AND code = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = keyword });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Narratives of the center's cases cut or repeated to 400 characters, as a counselor's typing reaches that length.</summary>
    /// <summary>A client of the host signed in as the Tokyo demo counselor (the busiest center's).</summary>
    internal static async Task<HttpClient> CounselorClientAsync(WebHostProcess host, CancellationToken ct)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email = "counselor@demo.yorisoi.jp", password = Yorisoi.Core.Data.DatabaseInitializer.DemoPassword }, ct);
        if (login.StatusCode != HttpStatusCode.NoContent)
        {
            client.Dispose();
            throw new InvalidOperationException($"Login failed: {(int)login.StatusCode}");
        }

        return client;
    }

    internal static async Task<List<string>> NarrativesAsync(NpgsqlDataSource data, Guid centerId, int count)
    {
        await using var command = data.CreateCommand("SELECT summary FROM cases WHERE center_id = $1 ORDER BY random() LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = centerId });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>(count);
        while (await reader.ReadAsync())
        {
            var text = reader.GetString(0);
            while (text.Length < 400)
            {
                text += text;
            }

            texts.Add(text[..400]);
        }

        return texts;
    }

    private static LatencyStats Time<T>(string name, IReadOnlyList<T> inputs, Action<T> run)
    {
        var times = new List<double>(inputs.Count);
        var wall = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var start = Stopwatch.GetTimestamp();
            run(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return LatencyStats.From(name, times, 0, wall.Elapsed);
    }

    internal static async Task<LatencyStats> TimeAsync<T, TResult>(string name, IReadOnlyList<T> inputs, Func<T, Task<TResult>> run)
    {
        var times = new List<double>(inputs.Count);
        var errors = 0;
        var wall = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await run(input);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (result is false)
            {
                errors++;
            }
        }

        return LatencyStats.From(name, times, errors, wall.Elapsed);
    }

    private static long DirectoryBytes(string path) =>
        new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql, params object[] parameters)
    {
        await using var command = data.CreateCommand(sql);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
