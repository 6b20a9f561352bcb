using System.Text;

namespace Yorisoi.Bench;

public static class Machine
{
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static string Describe()
    {
        var cpu = "?";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        }
        catch (IOException)
        {
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory:F0} GiB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}

/// <summary>The figures of one run, as Markdown.</summary>
public sealed class BenchReport
{
    public const double ListTargetMs = 50;
    public const double OpenTargetMs = 20;
    public const double LoadTargetPerSecond = 20_000;
    public const long HostMemoryTargetKb = 1024 * 1024;

    public required BenchOptions Options { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public string LoadBefore { get; init; } = "";

    public string LoadAfter { get; set; } = "";

    public string PostgresVersion { get; set; } = "";

    public double SchemaSeconds { get; set; }

    public LoadResult? Load { get; set; }

    public long DatabaseSize { get; set; }

    public List<(string Table, long Bytes, long Rows)> TableSizes { get; set; } = [];

    public string BusiestCenterCode { get; set; } = "";

    public int BusiestCenterCases { get; set; }

    public LatencyStats? List { get; set; }

    public LatencyStats? Open { get; set; }

    public LatencyStats? Detail { get; set; }

    public LatencyStats? History { get; set; }

    public LatencyStats? ConcurrentList { get; set; }

    public LatencyStats? ConcurrentOpen { get; set; }

    public long HostAfterStartKb { get; set; }

    public long HostAfterWarmupKb { get; set; }

    public long HostEndKb { get; set; }

    public long HostPeakKb { get; set; }

    public List<string> TopStatements { get; set; } = [];

    public double TotalSeconds { get; set; }

    public List<string> Missed
    {
        get
        {
            var missed = new List<string>();
            if (List is null || List.P95 >= ListTargetMs || List.Errors > 0)
            {
                missed.Add("list p95");
            }

            if (Open is null || Open.P95 >= OpenTargetMs || Open.Errors > 0)
            {
                missed.Add("open p95");
            }

            if (Load is null || Load.CasesPerSecond < LoadTargetPerSecond)
            {
                missed.Add("bulk load rate");
            }

            if (HostPeakKb == 0 || HostPeakKb >= HostMemoryTargetKb)
            {
                missed.Add("host working set");
            }

            return missed;
        }
    }

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        static string Mb(long kb) => $"{kb / 1024.0:N0} MB";
        static string Gb(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):N2} GB";
        static string Ok(bool met) => met ? "met" : "**missed**";
        s.AppendLine("# Yorisoi benchmark");
        s.AppendLine();
        s.AppendLine($"Run {StartedAt:yyyy-MM-dd HH:mm zzz}; machine: {Machine.Describe()}; {PostgresVersion}.");
        s.AppendLine($"Load average (1/5/15 min) before: {LoadBefore}, after: {LoadAfter}. Total time {TotalSeconds / 60:F1} min.");
        s.AppendLine();
        s.AppendLine("| target | figure | result |");
        s.AppendLine("| --- | --- | --- |");
        if (Load is not null)
        {
            s.AppendLine($"| bulk load ≥ {LoadTargetPerSecond:N0} cases/s | {Load.CasesPerSecond:N0} cases/s | {Ok(Load.CasesPerSecond >= LoadTargetPerSecond)} |");
        }

        if (List is not null && Open is not null)
        {
            s.AppendLine($"| case list p95 < {ListTargetMs} ms | {List.P95:F1} ms (p50 {List.P50:F1}) | {Ok(List.P95 < ListTargetMs && List.Errors == 0)} |");
            s.AppendLine($"| open case + history p95 < {OpenTargetMs} ms | {Open.P95:F1} ms (p50 {Open.P50:F1}) | {Ok(Open.P95 < OpenTargetMs && Open.Errors == 0)} |");
        }

        s.AppendLine($"| web host working set < 1 GB | peak {Mb(HostPeakKb)} | {Ok(HostPeakKb > 0 && HostPeakKb < HostMemoryTargetKb)} |");
        s.AppendLine();
        if (Load is not null)
        {
            s.AppendLine("## Bulk load");
            s.AppendLine();
            s.AppendLine($"- {Load.Cases:N0} cases received {Load.From:yyyy-MM-dd} – {Load.To:yyyy-MM-dd} at {Load.CasesByCenter.Count} centers; busiest center {BusiestCenterCode} with {BusiestCenterCases:N0} cases.");
            s.AppendLine($"- {Load.Keywords:N0} keyword rows, {Load.HandlingLogEntries:N0} handling log entries, {Load.Cases:N0} history rows, receipt counters.");
            s.AppendLine($"- Generate + encrypt + binary COPY into 4 tables on 4 connections ({Load.CopyElapsed.TotalSeconds:F1} s), then rebuild the {Load.IndexCount} secondary indexes dropped before it ({(Load.Elapsed - Load.CopyElapsed).TotalSeconds:F1} s): " +
                         $"{Load.Elapsed.TotalSeconds:F1} s in all = **{Load.CasesPerSecond:N0} cases/s** (COPY alone {Load.Cases / Load.CopyElapsed.TotalSeconds:N0} cases/s).");
            s.AppendLine($"- CPU during the load: bench process {Load.BenchCpu.TotalSeconds:F1} s ({Load.BenchCpu.TotalMilliseconds * 1000 / Load.Cases:F0} µs per case; generator thread busy {Load.GeneratorBusy.TotalSeconds:F1} s), " +
                         $"PostgreSQL COPY backends {Load.BackendCpu.TotalSeconds:F1} s ({Load.BackendCpu.TotalMilliseconds * 1000 / Load.Cases:F0} µs per case).");
            s.AppendLine($"- VACUUM ANALYZE + CHECKPOINT afterwards: {Load.VacuumAnalyze.TotalSeconds:F1} s. Schema (EF migrations) and seed data before: {SchemaSeconds:F1} s.");
            s.AppendLine($"- Database size: **{Gb(DatabaseSize)}**; largest tables (with indexes and TOAST): {string.Join(", ", TableSizes.Select(t => $"{t.Table} {Gb(t.Bytes)}"))}.");
            s.AppendLine();
        }

        s.AppendLine("## API latency (ms), through HTTP with the session cookie");
        s.AppendLine();
        s.AppendLine("| request | n | errors | p50 | p95 | p99 | max | mean | req/s |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var l in new[] { List, Open, Detail, History, ConcurrentList, ConcurrentOpen }.OfType<LatencyStats>())
        {
            s.AppendLine($"| {l.Name.Trim()} | {l.Count} | {l.Errors} | {l.P50:F1} | {l.P95:F1} | {l.P99:F1} | {l.Max:F1} | {l.Mean:F1} | {l.PerSecond:F0} |");
        }

        s.AppendLine();
        s.AppendLine("List requests: the Tokyo counselor's own center, one status (Received/InProgress/AwaitingApproval over the last 7–90 days, " +
                     "Completed over a 7–365-day window anywhere in the period), newest first, 50 rows, page 1 (75%) or 2–5. " +
                     "Open: GET /api/cases/{id} then GET /api/cases/{id}/history for a random case of that center. " +
                     $"{Options.Warmup} of each were run first and not counted.");
        s.AppendLine();
        s.AppendLine("## Web host memory (VmRSS)");
        s.AppendLine();
        s.AppendLine($"After start {Mb(HostAfterStartKb)}, after warm-up {Mb(HostAfterWarmupKb)}, at the end {Mb(HostEndKb)}, peak (VmHWM) **{Mb(HostPeakKb)}**." +
                     (Options.HostEnvironment.Count > 0 ? $" Host environment: {string.Join(", ", Options.HostEnvironment.Select(kv => kv.Key + "=" + kv.Value))}." : ""));
        s.AppendLine();
        if (TopStatements.Count > 0)
        {
            s.AppendLine("## Costliest statements during the measurement (pg_stat_statements)");
            s.AppendLine();
            s.AppendLine("| calls | mean ms | total ms | query |");
            s.AppendLine("| --- | --- | --- | --- |");
            foreach (var line in TopStatements)
            {
                s.AppendLine(line);
            }

            s.AppendLine();
        }

        var missed = Missed;
        s.AppendLine(missed.Count == 0 ? "All targets met." : $"Missed: {string.Join(", ", missed)}.");
        return s.ToString();
    }
}
