using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using Yorisoi.Bench;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Testing.Postgres;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return options.Command switch
    {
        "sample" => await SampleAsync(options),
        "generate" => await GenerateOnlyAsync(options),
        "analysis" => await AnalysisSpeed.RunAsync(options, Console.Out),
        "suggest" => await SuggestionSpeed.RunAsync(options, Console.Out),
        "similar" => await SimilarSpeed.RunAsync(options, Console.Out),
        _ => await RunAllAsync(options, cancel.Token),
    };
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

static async Task<int> SampleAsync(BenchOptions options)
{
    // Prints generated cases (before encryption) so the distributions and narratives can be read.
    var catalog = Yorisoi.Core.CodeLists.CodeListCatalog.LoadEmbedded();
    var governments = DatabaseInitializer.ReadLocalGovernments();
    var centers = DatabaseInitializer.DemoCenters(governments);
    foreach (var c in centers)
    {
        c.Id = Guid.CreateVersion7();
    }

    var generator = new Yorisoi.Core.Demo.SyntheticCaseGenerator(catalog.Current, DatabaseInitializer.GeneratorCenters(centers, governments), options.Seed);
    var now = DateTimeOffset.UtcNow;
    var json = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };
    for (var i = 0; i < Math.Min(options.Cases, 20); i++)
    {
        var c = generator.Next(now.AddYears(-1), now, now);
        Console.WriteLine(JsonSerializer.Serialize(c, json));
    }

    await Console.Out.FlushAsync();
    return 0;
}

static async Task<int> GenerateOnlyAsync(BenchOptions options)
{
    // The generator alone (numbering, hashing and encryption included), to tell its speed from the database's.
    var catalog = Yorisoi.Core.CodeLists.CodeListCatalog.LoadEmbedded();
    var governments = DatabaseInitializer.ReadLocalGovernments();
    var centers = DatabaseInitializer.DemoCenters(governments);
    foreach (var c in centers)
    {
        c.Id = Guid.CreateVersion7();
    }

    var generatorCenters = DatabaseInitializer.GeneratorCenters(centers, governments);
    var world = new BenchWorld(generatorCenters, centers.ToDictionary(c => c.Id, c => c.Code),
        generatorCenters.ToDictionary(c => c.Id, _ => new[] { Guid.CreateVersion7(), Guid.CreateVersion7() }), catalog);
    var loader = new BulkLoader(world, new PersonalDataCipher(RandomNumberGenerator.GetBytes(32)), new LookupHasher(RandomNumberGenerator.GetBytes(32)), "", Console.Out);
    var now = DateTimeOffset.UtcNow;
    var from = new DateTimeOffset(FiscalYear.Of(now) - options.Years + 1, 4, 1, 0, 0, 0, TimeSpan.FromHours(9));
    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    long chars = 0;
    loader.Generate(options.Cases, options.Seed, from, FiscalYear.ToJapanTime(now).Date, now, [], protect: true, batch => chars += batch.Sum(c => c.Summary.Length));
    stopwatch.Stop();
    await Console.Out.WriteLineAsync($"Generated {options.Cases:N0} cases in {stopwatch.Elapsed.TotalSeconds:F2} s ({options.Cases / stopwatch.Elapsed.TotalSeconds:N0} cases/s), mean narrative {chars / (double)options.Cases:F0} characters; encrypting and hashing took {loader.ProtectTime.TotalSeconds:F2} s of it; CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds:F2} s");
    return 0;
}

static async Task<int> RunAllAsync(BenchOptions options, CancellationToken ct)
{
    var log = Console.Out;
    var total = Stopwatch.StartNew();
    var report = new BenchReport { Options = options, LoadBefore = Machine.LoadAverage(), StartedAt = DateTimeOffset.Now };
    var personalKey = RandomNumberGenerator.GetBytes(32);
    var lookupKey = RandomNumberGenerator.GetBytes(32);
    var cipher = new PersonalDataCipher(personalKey);
    var hasher = new LookupHasher(lookupKey);

    PostgresServer? cluster = null;
    try
    {
        string connectionString;
        if (options.Connection is { } given)
        {
            connectionString = given;
            report.PostgresVersion = "(given by --connection)";
        }
        else
        {
            cluster = await PostgresCluster.StartAsync(log);
            await cluster.CreateDatabaseAsync("yorisoi_bench");
            connectionString = cluster.ConnectionString("yorisoi_bench");
            report.PostgresVersion = cluster.Version;
        }

        var step = Stopwatch.StartNew();
        await using var services = DatabaseSetup.Services(connectionString, cipher, hasher);
        var world = await DatabaseSetup.PrepareAsync(services, ct);
        report.SchemaSeconds = step.Elapsed.TotalSeconds;
        await log.WriteLineAsync($"Schema migrated, reference data and {world.Centers.Count} centers seeded in {step.Elapsed.TotalSeconds:F1} s");

        var loader = new BulkLoader(world, cipher, hasher, connectionString, log);
        report.Load = await loader.LoadAsync(options.Cases, options.Years, options.Seed, DateTimeOffset.UtcNow, ct);

        await using var data = NpgsqlDataSource.Create(connectionString);
        report.DatabaseSize = await ScalarAsync<long>(data, "SELECT pg_database_size(current_database())");
        report.TableSizes = await TableSizesAsync(data);
        if (options.Command == "load")
        {
            await log.WriteLineAsync($"Database size {report.DatabaseSize / (1024.0 * 1024 * 1024):F2} GB; stopping after the load as asked.");
            return report.Load.CasesPerSecond >= BenchReport.LoadTargetPerSecond ? 0 : 1;
        }

        var busiest = report.Load.CasesByCenter.MaxBy(kv => kv.Value);
        report.BusiestCenterCode = world.CenterCodes[busiest.Key];
        report.BusiestCenterCases = busiest.Value;
        if (report.BusiestCenterCode != "13000")
        {
            throw new InvalidOperationException($"The busiest center is {report.BusiestCenterCode}, but the benchmark signs in as the Tokyo (13000) counselor.");
        }

        if (options.Command == "train")
        {
            Directory.CreateDirectory(options.ResultsDirectory);
            var (figures, modelPath) = await TrainingSpeed.RunAsync(services, report.Load.Cases, options.ResultsDirectory, log, ct);
            if (!options.NoBuildHost)
            {
                await BuildHostAsync(options, log);
            }

            var busiestCenter = report.Load.CasesByCenter.MaxBy(kv => kv.Value).Key;
            figures += "\n" + await TrainingSpeed.MeasureHostAsync(options, connectionString, Convert.ToBase64String(personalKey), Convert.ToBase64String(lookupKey), modelPath, busiestCenter, log, ct);
            var trainReport = $"# Yorisoi training benchmark\n\nRun {report.StartedAt:yyyy-MM-dd HH:mm zzz}; machine: {Machine.Describe()}; {report.PostgresVersion}; " +
                              $"{report.Load.Cases:N0} cases loaded at {report.Load.CasesPerSecond:N0} cases/s. Load average before: {report.LoadBefore}, after: {Machine.LoadAverage()}. " +
                              $"Total time {total.Elapsed.TotalMinutes:F1} min.\n\n" + figures;
            var trainOutput = Path.Combine(options.ResultsDirectory, "train.md");
            await File.WriteAllTextAsync(trainOutput, trainReport, ct);
            await log.WriteLineAsync(trainReport);
            await log.WriteLineAsync($"Written to {trainOutput}");
            return trainReport.Contains("**missed**", StringComparison.Ordinal) ? 1 : 0;
        }

        if (options.Command == "search")
        {
            if (!options.NoBuildHost)
            {
                await BuildHostAsync(options, log);
            }

            Directory.CreateDirectory(options.ResultsDirectory);
            var search = await SearchBenchmark.RunAsync(options, connectionString, Convert.ToBase64String(personalKey), Convert.ToBase64String(lookupKey), busiest.Key, log, ct);
            var searchReport = $"# Yorisoi search benchmark\n\nRun {report.StartedAt:yyyy-MM-dd HH:mm zzz}; machine: {Machine.Describe()}; {report.PostgresVersion}; " +
                               $"{report.Load.Cases:N0} cases loaded at {report.Load.CasesPerSecond:N0} cases/s. Load average before: {report.LoadBefore}, after: {Machine.LoadAverage()}. " +
                               $"Total time {total.Elapsed.TotalMinutes:F1} min.\n\n" + SearchBenchmark.ToMarkdown(search);
            var searchOutput = Path.Combine(options.ResultsDirectory, "search.md");
            await File.WriteAllTextAsync(searchOutput, searchReport, ct);
            await log.WriteLineAsync();
            await log.WriteLineAsync(searchReport);
            await log.WriteLineAsync($"Written to {searchOutput}");
            return searchReport.Contains("**missed**", StringComparison.Ordinal) ? 1 : 0;
        }

        var random = new Random(options.Seed + 2);
        var ids = await CaseIdsAsync(data, busiest.Key, options.Opens + options.Warmup + (options.Clients > 0 ? options.Opens : 0));
        var first = DateOnly.FromDateTime(FiscalYear.ToJapanTime(report.Load.From).Date);
        var last = DateOnly.FromDateTime(FiscalYear.ToJapanTime(report.Load.To).Date).AddDays(-1);
        var warmLists = ApiBenchmark.ListRequests(options.Warmup, first, last, random);
        var lists = ApiBenchmark.ListRequests(options.Lists, first, last, random);
        var concurrentLists = ApiBenchmark.ListRequests(options.Lists, first, last, random);
        var warmIds = ids.Take(options.Warmup).ToList();
        var openIds = ids.Skip(options.Warmup).Take(options.Opens).ToList();
        var concurrentIds = ids.Skip(options.Warmup + options.Opens).Take(options.Opens).ToList();
        var statements = await TryResetStatementsAsync(data);

        if (!options.NoBuildHost)
        {
            await BuildHostAsync(options, log);
        }

        var hostLog = Path.Combine(options.ResultsDirectory, "host.log");
        Directory.CreateDirectory(options.ResultsDirectory);
        await using (var host = await WebHostProcess.StartAsync(options.HostDll, connectionString, Convert.ToBase64String(personalKey), Convert.ToBase64String(lookupKey), options.HostEnvironment, hostLog, log))
        {
            report.HostAfterStartKb = host.Memory().RssKb;
            using var api = new ApiBenchmark(host.BaseAddress);
            await api.LoginAsync("counselor@demo.yorisoi.jp", DatabaseInitializer.DemoPassword);
            await log.WriteLineAsync($"Signed in as the Tokyo counselor; warming up with {options.Warmup} list requests and {options.Warmup} case opens");
            await api.SequentialAsync(warmLists, warmIds);
            report.HostAfterWarmupKb = host.Memory().RssKb;

            await log.WriteLineAsync($"Measuring {lists.Count} list requests and {openIds.Count} case opens, one at a time");
            (report.List, report.Open, report.Detail, report.History) = await api.SequentialAsync(lists, openIds);
            await log.WriteLineAsync(report.List.ToString());
            await log.WriteLineAsync(report.Open.ToString());
            if (options.Clients > 0)
            {
                await log.WriteLineAsync($"Measuring the same mix with {options.Clients} concurrent clients");
                (report.ConcurrentList, report.ConcurrentOpen) = await api.ConcurrentAsync(concurrentLists, concurrentIds, options.Clients);
                await log.WriteLineAsync(report.ConcurrentList.ToString());
                await log.WriteLineAsync(report.ConcurrentOpen.ToString());
            }

            var (rss, peak) = host.Memory();
            report.HostEndKb = rss;
            report.HostPeakKb = Math.Max(peak, host.MaxSampledRssKb);
        }

        if (statements)
        {
            report.TopStatements = await TopStatementsAsync(data);
        }

        report.LoadAfter = Machine.LoadAverage();
        report.TotalSeconds = total.Elapsed.TotalSeconds;
        var markdown = report.ToMarkdown();
        var output = Path.Combine(options.ResultsDirectory, "latest.md");
        await File.WriteAllTextAsync(output, markdown, ct);
        await log.WriteLineAsync();
        await log.WriteLineAsync(markdown);
        await log.WriteLineAsync($"Written to {output}");
        return report.Missed.Count == 0 ? 0 : 1;
    }
    finally
    {
        if (cluster is not null && options.KeepCluster)
        {
            cluster.Keep();
            await log.WriteLineAsync($"PostgreSQL left running as asked: {cluster.ConnectionString("yorisoi_bench")}; data in {cluster.DataDirectory} (stop it with pg_ctl -D {cluster.DataDirectory} stop, as the postgres user).");
        }
        else if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql)
{
    await using var command = data.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<List<(string Table, long Bytes, long Rows)>> TableSizesAsync(NpgsqlDataSource data)
{
    await using var command = data.CreateCommand(
        "SELECT c.relname, pg_total_relation_size(c.oid), c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 6");
    await using var reader = await command.ExecuteReaderAsync();
    var sizes = new List<(string, long, long)>();
    while (await reader.ReadAsync())
    {
        sizes.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    return sizes;
}

static async Task<List<Guid>> CaseIdsAsync(NpgsqlDataSource data, Guid centerId, int count)
{
    await using var command = data.CreateCommand("SELECT id FROM cases WHERE center_id = $1 ORDER BY random() LIMIT $2");
    command.Parameters.Add(new NpgsqlParameter { Value = centerId });
    command.Parameters.Add(new NpgsqlParameter { Value = count });
    await using var reader = await command.ExecuteReaderAsync();
    var ids = new List<Guid>(count);
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetGuid(0));
    }

    return ids;
}

static async Task<bool> TryResetStatementsAsync(NpgsqlDataSource data)
{
    try
    {
        await using var create = data.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await create.ExecuteNonQueryAsync();
        await using var reset = data.CreateCommand("SELECT pg_stat_statements_reset()");
        await reset.ExecuteNonQueryAsync();
        return true;
    }
    catch (PostgresException)
    {
        return false;
    }
}

static async Task<List<string>> TopStatementsAsync(NpgsqlDataSource data)
{
    await using var command = data.CreateCommand(
        "SELECT calls, round(mean_exec_time::numeric, 2), round(total_exec_time::numeric, 0), regexp_replace(query, '\\s+', ' ', 'g') " +
        "FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 8");
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync())
    {
        var query = reader.GetString(3);
        lines.Add($"| {reader.GetInt64(0)} | {reader.GetDecimal(1)} | {reader.GetDecimal(2)} | `{(query.Length > 220 ? query[..220] + "…" : query).Replace("|", "\\|", StringComparison.Ordinal)}` |");
    }

    return lines;
}

static async Task BuildHostAsync(BenchOptions options, TextWriter log)
{
    var project = Path.Combine(options.RepositoryRoot, "src", "Yorisoi.Web", "Yorisoi.Web.csproj");
    await log.WriteLineAsync($"Building the host (Release): {project}");
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    foreach (var a in new[] { "build", project, "-c", "Release", "--nologo", "-v", "q" })
    {
        start.ArgumentList.Add(a);
    }

    using var build = Process.Start(start) ?? throw new InvalidOperationException("Could not run dotnet build.");
    await build.WaitForExitAsync();
    if (build.ExitCode != 0)
    {
        throw new InvalidOperationException("Building the web host failed.");
    }
}
