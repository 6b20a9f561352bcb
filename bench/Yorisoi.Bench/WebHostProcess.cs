using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Yorisoi.Bench;

/// <summary>
/// The real web host (the Release build of Yorisoi.Web) in its own process, configured for PostgreSQL through
/// environment variables, with its resident memory sampled from /proc while it runs.
/// </summary>
public sealed class WebHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _logWriter;
    private readonly CancellationTokenSource _stopSampling = new();
    private readonly Task _sampler;
    private long _maxRssKb;

    private WebHostProcess(Process process, StreamWriter logWriter, Uri baseAddress)
    {
        _process = process;
        _logWriter = logWriter;
        BaseAddress = baseAddress;
        _sampler = SampleAsync(_stopSampling.Token);
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>Highest VmRSS seen by the 100 ms sampler.</summary>
    public long MaxSampledRssKb => Interlocked.Read(ref _maxRssKb);

    public static async Task<WebHostProcess> StartAsync(
        string hostDll, string connectionString, string personalKey, string lookupKey, IReadOnlyDictionary<string, string> extraEnvironment, string logPath, TextWriter log)
    {
        var port = FreePort();
        var start = StartInfo(hostDll, connectionString, personalKey, lookupKey, extraEnvironment, [hostDll, "--urls", $"http://127.0.0.1:{port}"]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web host.");
        var writer = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => WriteLine(writer, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new WebHostProcess(process, writer, new Uri($"http://127.0.0.1:{port}/"));

        using var probe = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web host exited with code {process.ExitCode}; see {logPath}.");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The web host did not become ready within 2 minutes; see {logPath}.");
            }

            await Task.Delay(200);
        }

        await log.WriteLineAsync($"Web host ready at {host.BaseAddress} (pid {process.Id}) after {deadline.Elapsed.TotalSeconds:F1} s");
        return host;
    }

    /// <summary>
    /// Runs one of the host's commands (`reindex`) with the configuration the server gets, and reports how long it took
    /// and its peak resident memory (VmHWM, read until it exits).
    /// </summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed, long PeakKb)> RunCommandAsync(
        string hostDll, string connectionString, string personalKey, string lookupKey, IReadOnlyDictionary<string, string> extraEnvironment, string command)
    {
        var start = StartInfo(hostDll, connectionString, personalKey, lookupKey, extraEnvironment, [hostDll, command]);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host command.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadStatus(process.Id).PeakKb);
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(200));
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error, stopwatch.Elapsed, peak);
    }

    private static ProcessStartInfo StartInfo(
        string hostDll, string connectionString, string personalKey, string lookupKey, IReadOnlyDictionary<string, string> extraEnvironment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Database__SeedDemoData"] = "false";
        start.Environment["Keys__PersonalData"] = personalKey;
        start.Environment["Keys__LookupHash"] = lookupKey;
        start.Environment["Keys__Directory"] = Path.Combine(Path.GetTempPath(), "yorisoi-bench-keys-unused");
        foreach (var (key, value) in extraEnvironment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>VmRSS (current) and VmHWM (peak) of the host process, in kB.</summary>
    public (long RssKb, long PeakKb) Memory() => ReadStatus(_process.Id);

    private static (long RssKb, long PeakKb) ReadStatus(int processId)
    {
        long rss = 0, peak = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = ParseKb(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = ParseKb(line);
                }
            }
        }
        catch (IOException)
        {
        }

        return (rss, peak);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopSampling.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            // SIGTERM-like stop is not available through Process; the host holds no state worth a graceful shutdown here.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stopSampling.Dispose();
        await _logWriter.DisposeAsync();
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var (rss, _) = Memory();
                if (rss > Interlocked.Read(ref _maxRssKb))
                {
                    Interlocked.Exchange(ref _maxRssKb, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static void WriteLine(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            writer.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
