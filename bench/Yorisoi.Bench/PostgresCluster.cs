using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Yorisoi.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster for one benchmark run: <c>initdb</c> into a temp directory, <c>pg_ctl start</c>
/// on a free loopback port, removed again on dispose. Settings are those of a modest production server
/// (durability on), sized for this machine, not the test cluster's fsync=off.
/// </summary>
/// <remarks>PostgreSQL refuses to run as root; as root every command runs as the <c>postgres</c> user via runuser.</remarks>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string RunAsUser = "postgres";
    private readonly string[] _wrapper;
    private readonly string _binDirectory;
    private int _stopped;

    private PostgresCluster(string[] wrapper, string binDirectory, string rootDirectory, int port)
    {
        _wrapper = wrapper;
        _binDirectory = binDirectory;
        RootDirectory = rootDirectory;
        Port = port;
    }

    public int Port { get; }

    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    public string Version { get; private set; } = "";

    public static async Task<PostgresCluster> StartAsync(TextWriter log)
    {
        var bin = FindBinDirectory();
        var isRoot = Environment.UserName == "root" || (await RunAsync("id", ["-u"])).Output.Trim() == "0";
        string[] wrapper = isRoot ? ["runuser", "-u", RunAsUser, "--"] : [];
        var root = Path.Combine(isRoot ? "/tmp" : Path.GetTempPath(), "yorisoi-bench-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(root);
        if (isRoot)
        {
            (await RunAsync("chown", [RunAsUser, root])).ThrowIfFailed("chown");
        }

        var dataDirectory = Path.Combine(root, "data");
        var init = await RunAsync(wrapper, Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-A", "trust", "-U", RunAsUser, "-E", "UTF8", "--locale=C.UTF-8"]);
        if (init.ExitCode != 0)
        {
            init = await RunAsync(wrapper, Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-A", "trust", "-U", RunAsUser, "-E", "UTF8", "--no-locale"]);
            init.ThrowIfFailed("initdb");
        }

        // A production-like configuration for a 24 GB, 2-core box: durability on (fsync, synchronous commit),
        // room for the load's WAL without forced checkpoints, SSD cost model, pg_stat_statements for diagnosis.
        var settings = new[]
        {
            "listen_addresses = '127.0.0.1'",
            "shared_buffers = 2GB",
            "effective_cache_size = 12GB",
            "work_mem = 16MB",
            "maintenance_work_mem = 1GB",
            "max_wal_size = 16GB",
            "checkpoint_timeout = 30min",
            "random_page_cost = 1.1",
            "effective_io_concurrency = 100",
            "max_parallel_workers_per_gather = 1",
            "max_parallel_maintenance_workers = 1",
            "shared_preload_libraries = 'pg_stat_statements'",
            "pg_stat_statements.track = all",
            "max_connections = 200",
        };
        await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.conf"), settings);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = string.Create(CultureInfo.InvariantCulture, $"-p {port} -k '{root}'");
            var start = await RunAsync(wrapper, Path.Combine(bin, "pg_ctl"), ["-D", dataDirectory, "-l", Path.Combine(root, "postgres.log"), "-o", options, "-w", "-t", "60", "start"]);
            if (start.ExitCode == 0)
            {
                var cluster = new PostgresCluster(wrapper, bin, root, port);
                cluster.Version = (await RunAsync(Path.Combine(bin, "pg_ctl"), ["--version"])).Output.Trim();
                await log.WriteLineAsync($"PostgreSQL started on 127.0.0.1:{port} ({cluster.Version}), data in {dataDirectory}");
                return cluster;
            }

            if (attempt == 3)
            {
                start.ThrowIfFailed("pg_ctl start");
            }
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = RunAsUser,
        Database = database,
    }.ConnectionString;

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await RunAsync(_wrapper, Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);
        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("YORISOI_PG_BIN") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        static bool Has(string d) => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl"));
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(Has);
        if (onPath is not null)
        {
            return onPath;
        }

        const string DebianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot).Select(d => Path.Combine(d, "bin")).Where(Has).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "PostgreSQL (initdb, pg_ctl) was not found. Install it (`apt-get install postgresql`), set YORISOI_PG_BIN, or pass --connection.");
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

    private static Task<CommandResult> RunAsync(string[] wrapper, string executable, IReadOnlyList<string> arguments) =>
        wrapper.Length == 0 ? RunAsync(executable, arguments) : RunAsync(wrapper[0], [.. wrapper[1..], executable, .. arguments]);

    private static async Task<CommandResult> RunAsync(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["LC_MESSAGES"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        // pg_ctl start leaves the server holding the pipes; do not wait for them to close.
        var text = await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(TimeSpan.FromSeconds(2))) is Task<string[]> both
            ? string.Concat(both.Result)
            : "";
        return new CommandResult($"{executable} {string.Join(' ', arguments)}", process.ExitCode, text);
    }

    private sealed record CommandResult(string CommandLine, int ExitCode, string Output)
    {
        public void ThrowIfFailed(string step)
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException($"{step} failed (exit {ExitCode}): {CommandLine}{Environment.NewLine}{Output}");
            }
        }
    }
}
