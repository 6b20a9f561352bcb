using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Yorisoi.Testing.Postgres;

/// <summary>How a <see cref="PostgresServer"/> is set up.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>Throwaway test clusters: no fsync, no synchronous commit, stopped with <c>-m immediate</c>.</summary>
    public static PostgresServerOptions ForTests { get; } = new();

    /// <summary>Temp directory name prefix; stale clusters are looked for under the same prefix.</summary>
    public string DirectoryPrefix { get; init; } = "yorisoi-pg-";

    /// <summary>Durability on (fsync, synchronous commit) and a clean <c>-m fast</c> stop, as a production server.</summary>
    public bool Durable { get; init; }

    /// <summary>Lines appended to <c>postgresql.conf</c> before the first start.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
}

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a fresh temp directory, <c>pg_ctl start</c> on a free
/// loopback port (for tests with durability switched off), <c>pg_ctl stop</c> and directory removal on dispose
/// (and on process exit, as a safety net).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. When the test process is root (as in CI), every PostgreSQL command is run
/// as the <c>postgres</c> OS user through <c>runuser -u postgres --</c> (or <c>setpriv</c> when runuser is absent)
/// and the temp directory, always under <c>/tmp</c> in that case, is chowned to that user.
/// Clusters left behind by a test process that was killed are removed by the next <see cref="StartAsync"/>.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string OwnerFileName = "owner";
    private const string KeepFileName = "keep";
    private const string RunAsUser = "postgres";
    private const string InstallHint =
        "Install PostgreSQL (Debian/Ubuntu: `apt-get install postgresql`), put its bin directory on PATH, " +
        "or set YORISOI_PG_BIN to the directory holding initdb and pg_ctl.";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly CommandLauncher _launcher;
    private readonly string _pgCtl;
    private readonly EventHandler _onProcessExit;
    private int _stopped;

    private readonly PostgresServerOptions _options;

    private PostgresServer(PostgresServerOptions options, CommandLauncher launcher, string binDirectory, string rootDirectory, int port)
    {
        _options = options;
        _launcher = launcher;
        BinDirectory = binDirectory;
        RootDirectory = rootDirectory;
        Port = port;
        _pgCtl = Path.Combine(binDirectory, "pg_ctl");
        _onProcessExit = (_, _) => Stop();
    }

    /// <summary>The TCP port the server listens on (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>Directory with initdb, pg_ctl and postgres.</summary>
    public string BinDirectory { get; }

    /// <summary>Temp directory holding the cluster (<c>data/</c>), the Unix socket and the server log.</summary>
    public string RootDirectory { get; }

    /// <summary>The cluster's data directory.</summary>
    public string DataDirectory => DataDirectoryOf(RootDirectory);

    /// <summary>The server log written by pg_ctl.</summary>
    public string LogFile => LogFileOf(RootDirectory);

    /// <summary>The superuser that every <see cref="ConnectionString"/> connects as unless told otherwise.</summary>
    public static string Superuser => RunAsUser;

    /// <summary>What <c>pg_ctl --version</c> says, e.g. "pg_ctl (PostgreSQL) 15.18".</summary>
    public string Version { get; private set; } = "";

    /// <summary>Finds the PostgreSQL binaries, creates a cluster in a temp directory and starts it.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or a step failed (the message carries its output).</exception>
    public static Task<PostgresServer> StartAsync() => StartAsync(PostgresServerOptions.ForTests);

    /// <inheritdoc cref="StartAsync()"/>
    public static async Task<PostgresServer> StartAsync(PostgresServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binDirectory = FindBinDirectory();
        var launcher = await CommandLauncher.CreateAsync();

        await RemoveStaleClustersAsync(launcher, binDirectory, options);

        var rootDirectory = await CreateRootDirectoryAsync(launcher, options.DirectoryPrefix);
        try
        {
            await InitDbAsync(launcher, binDirectory, rootDirectory);
            if (options.Settings.Count > 0)
            {
                await File.AppendAllLinesAsync(Path.Combine(DataDirectoryOf(rootDirectory), "postgresql.conf"), options.Settings);
            }

            var port = await StartClusterAsync(launcher, binDirectory, rootDirectory, options);

            var server = new PostgresServer(options, launcher, binDirectory, rootDirectory, port);
            var version = await ProcessRunner.TryRunAsync(Path.Combine(binDirectory, "pg_ctl"), ["--version"]);
            server.Version = version?.StandardOutput.Trim() ?? "";
            AppDomain.CurrentDomain.ProcessExit += server._onProcessExit;
            return server;
        }
        catch
        {
            await StopClusterAsync(launcher, binDirectory, rootDirectory, options);
            TryDeleteDirectory(rootDirectory);
            throw;
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this server, as <paramref name="username"/> (the superuser by default; every role is trusted).</summary>
    public string ConnectionString(string database, string? username = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = username ?? RunAsUser,
            Database = database,
            Pooling = true,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>Runs <c>CREATE DATABASE</c> for <paramref name="name"/>, owned by <paramref name="owner"/> when given (connected to the <c>postgres</c> database).</summary>
    public async Task CreateDatabaseAsync(string name, string? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Encoding.UTF8.GetByteCount(name) > 63)
        {
            throw new ArgumentException($"Database name '{name}' is longer than PostgreSQL's 63-byte limit.", nameof(name));
        }

        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = CreateDatabaseSql(name, owner);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="sql"/> as the superuser in the <c>postgres</c> database (roles are cluster-wide).</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Set-up statements written by the caller, never user input.")]
    public async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Leaves the server running after this process ends (the benchmark's <c>--keep</c>): no stop on exit, and the
    /// stale-cluster sweep of later runs passes it by.
    /// </summary>
    public void Keep()
    {
        Interlocked.Exchange(ref _stopped, 1);
        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        File.WriteAllText(Path.Combine(RootDirectory, KeepFileName), "kept; remove this directory after pg_ctl stop");
    }

    /// <summary>Stops the server (<c>pg_ctl -m immediate stop</c> for tests, <c>-m fast</c> when durable) and deletes its temp directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        await StopClusterAsync(_launcher, BinDirectory, RootDirectory, _options);
        TryDeleteDirectory(RootDirectory);
    }

    /// <summary>Synchronous stop for the ProcessExit safety net.</summary>
    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        // The test host may be killed soon after its run ends, so only signal the server here (-W: do not wait).
        StopClusterAsync(_launcher, BinDirectory, RootDirectory, _options, wait: false).GetAwaiter().GetResult();
        TryDeleteDirectory(RootDirectory);
    }

    // CREATE DATABASE takes no parameters; the name is quoted as an identifier, so no injection is possible.
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifier is quoted.")]
    private static string CreateDatabaseSql(string name, string? owner) =>
        "CREATE DATABASE " + QuoteIdentifier(name) + (owner is null ? "" : " OWNER " + QuoteIdentifier(owner));

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string DataDirectoryOf(string rootDirectory) => Path.Combine(rootDirectory, "data");

    private static string LogFileOf(string rootDirectory) => Path.Combine(rootDirectory, "postgres.log");

    // ---------------------------------------------------------------- locating the binaries

    private static string FindBinDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("YORISOI_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (HasPostgresTools(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            throw new InvalidOperationException(
                $"YORISOI_PG_BIN is '{fromEnvironment}', but initdb and pg_ctl are not both there. {InstallHint}");
        }

        // On Debian /usr/bin/pg_ctl (postgresql-common wrapper) may exist without initdb; require both side by side.
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasPostgresTools(directory))
            {
                return Path.GetFullPath(directory);
            }
        }

        const string DebianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(DebianRoot))
        {
            var best = Directory.GetDirectories(DebianRoot)
                .Select(directory => (Directory: Path.Combine(directory, "bin"), Version: ParseVersion(Path.GetFileName(directory))))
                .Where(candidate => candidate.Version is not null && HasPostgresTools(candidate.Directory))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Directory)
                .FirstOrDefault();
            if (best is not null)
            {
                return best;
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found (looked at YORISOI_PG_BIN, PATH and " +
            $"{DebianRoot}/*/bin). {InstallHint}");
    }

    private static System.Version? ParseVersion(string name) =>
        System.Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static bool HasPostgresTools(string directory) =>
        IsFile(Path.Combine(directory, "initdb")) && IsFile(Path.Combine(directory, "pg_ctl"));

    private static bool IsFile(string path)
    {
        try
        {
            return File.Exists(path) || File.Exists(path + ".exe");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    // ---------------------------------------------------------------- cluster lifecycle

    private static async Task<string> CreateRootDirectoryAsync(CommandLauncher launcher, string directoryPrefix)
    {
        // As root the directory must be reachable by the postgres user: TMPDIR might be under /root, /tmp never is.
        var parent = launcher.RunsAsOtherUser ? "/tmp" : Path.GetTempPath();
        var rootDirectory = Path.Combine(parent, directoryPrefix + Guid.NewGuid().ToString("N")[..12]);

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(rootDirectory);
        }
        else
        {
            Directory.CreateDirectory(rootDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            using (var self = Process.GetCurrentProcess())
            {
                await File.WriteAllTextAsync(
                    Path.Combine(rootDirectory, OwnerFileName),
                    FormattableString.Invariant($"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}"));
            }

            if (launcher.RunsAsOtherUser)
            {
                var chown = await ProcessRunner.RunAsync("chown", [RunAsUser, rootDirectory], rootDirectory, StepTimeout);
                chown.ThrowIfFailed($"Could not give {rootDirectory} to the '{RunAsUser}' user.");
            }
        }
        catch
        {
            TryDeleteDirectory(rootDirectory);
            throw;
        }

        return rootDirectory;
    }

    private static async Task InitDbAsync(CommandLauncher launcher, string binDirectory, string rootDirectory)
    {
        var initdb = Path.Combine(binDirectory, "initdb");
        var dataDirectory = DataDirectoryOf(rootDirectory);
        string[] common = ["-D", dataDirectory, "-A", "trust", "-U", RunAsUser, "-E", "UTF8", "--no-sync"];

        // C.UTF-8 gives Unicode-aware lower()/upper(); fall back to the plain C locale where it is not available.
        var result = await launcher.RunAsync(initdb, [.. common, "--locale=C.UTF-8"], rootDirectory, StepTimeout);
        if (result.ExitCode == 0)
        {
            return;
        }

        TryDeleteDirectory(dataDirectory);
        var fallback = await launcher.RunAsync(initdb, [.. common, "--no-locale"], rootDirectory, StepTimeout);
        if (fallback.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"initdb failed.{Environment.NewLine}{result.Describe()}{Environment.NewLine}{fallback.Describe()}");
        }
    }

    private static async Task<int> StartClusterAsync(CommandLauncher launcher, string binDirectory, string rootDirectory, PostgresServerOptions serverOptions)
    {
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");
        var logFile = LogFileOf(rootDirectory);
        var failures = new StringBuilder();

        // The port is free when probed but could be taken before postgres binds it: retry with a new one.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var port = FindFreePort();
            // pg_ctl hands -o to /bin/sh, hence the single quotes around the socket directory.
            var options = FormattableString.Invariant($"-p {port} -k '{rootDirectory}' -c listen_addresses=127.0.0.1")
                + (serverOptions.Durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            var result = await launcher.RunAsync(
                pgCtl,
                ["-D", DataDirectoryOf(rootDirectory), "-l", logFile, "-o", options, "-w", "-t", "60", "start"],
                rootDirectory,
                StepTimeout);
            if (result.ExitCode == 0)
            {
                return port;
            }

            failures.AppendLine(result.Describe()).AppendLine("--- server log ---").AppendLine(ReadLogTail(logFile));
            await StopClusterAsync(launcher, binDirectory, rootDirectory, serverOptions);
        }

        throw new InvalidOperationException($"pg_ctl start failed three times.{Environment.NewLine}{failures}");
    }

    private static async Task StopClusterAsync(CommandLauncher launcher, string binDirectory, string rootDirectory, PostgresServerOptions options, bool wait = true)
    {
        var mode = options.Durable ? "fast" : "immediate";
        var dataDirectory = DataDirectoryOf(rootDirectory);
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            return;
        }

        try
        {
            await launcher.RunAsync(
                Path.Combine(binDirectory, "pg_ctl"),
                wait ? ["-D", dataDirectory, "-m", mode, "-w", "-t", "60", "stop"] : ["-D", dataDirectory, "-m", mode, "-W", "stop"],
                rootDirectory,
                StopTimeout);
        }
        catch (InvalidOperationException)
        {
            // Best effort: a stop that fails leaves nothing better to do; the directory is deleted regardless.
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Stops and removes clusters whose owning test process is gone (killed before it could clean up).</summary>
    private static async Task RemoveStaleClustersAsync(CommandLauncher launcher, string binDirectory, PostgresServerOptions options)
    {
        var parents = new HashSet<string>(StringComparer.Ordinal) { "/tmp", Path.GetTempPath() };
        foreach (var parent in parents.Where(Directory.Exists))
        {
            string[] candidates;
            try
            {
                candidates = Directory.GetDirectories(parent, options.DirectoryPrefix + "*");
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (IsStale(candidate))
                {
                    await StopClusterAsync(launcher, binDirectory, candidate, options);
                    TryDeleteDirectory(candidate);
                }
            }
        }
    }

    private static bool IsStale(string rootDirectory)
    {
        try
        {
            if (File.Exists(Path.Combine(rootDirectory, KeepFileName)))
            {
                return false;
            }

            var ownerFile = Path.Combine(rootDirectory, OwnerFileName);
            if (!File.Exists(ownerFile))
            {
                // Another process may be between creating the directory and writing the owner file.
                return Directory.GetCreationTimeUtc(rootDirectory) < DateTime.UtcNow.AddMinutes(-10);
            }

            var parts = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var startTicks))
            {
                return false;
            }

            if (pid == Environment.ProcessId)
            {
                return false;
            }

            try
            {
                using var owner = Process.GetProcessById(pid);
                var started = owner.StartTime.ToUniversalTime().Ticks;
                // Same pid and start time: the owner is alive. A different start time means the pid was reused.
                return Math.Abs(started - startTicks) > TimeSpan.TicksPerSecond;
            }
            catch (ArgumentException)
            {
                return true; // no such process
            }
            catch (InvalidOperationException)
            {
                return true; // exited meanwhile
            }
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int FindFreePort()
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

    private static string ReadLogTail(string logFile)
    {
        try
        {
            if (!File.Exists(logFile))
            {
                return "(no server log)";
            }

            var lines = File.ReadAllLines(logFile);
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 40)));
        }
        catch (IOException exception)
        {
            return $"(server log unreadable: {exception.Message})";
        }
        catch (UnauthorizedAccessException exception)
        {
            return $"(server log unreadable: {exception.Message})";
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort; a leftover directory is swept by the next run's stale-cluster check.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // ---------------------------------------------------------------- processes

    /// <summary>Runs PostgreSQL commands directly, or as the postgres user when this process is root.</summary>
    private sealed class CommandLauncher
    {
        private readonly string? _wrapper;
        private readonly string[] _wrapperArguments;

        private CommandLauncher(string? wrapper, string[] wrapperArguments)
        {
            _wrapper = wrapper;
            _wrapperArguments = wrapperArguments;
        }

        public bool RunsAsOtherUser => _wrapper is not null;

        public static async Task<CommandLauncher> CreateAsync()
        {
            if (OperatingSystem.IsWindows() || !await IsRootAsync())
            {
                return new CommandLauncher(null, []);
            }

            var id = await ProcessRunner.TryRunAsync("id", ["-u", RunAsUser]);
            if (id is null || id.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Tests run as root, and PostgreSQL refuses to run as root, but there is no '{RunAsUser}' user to run it as. " +
                    $"`apt-get install postgresql` creates it (or `useradd --system {RunAsUser}`).");
            }

            if (FindExecutable("runuser") is { } runuser)
            {
                return new CommandLauncher(runuser, ["-u", RunAsUser, "--"]);
            }

            if (FindExecutable("setpriv") is { } setpriv)
            {
                return new CommandLauncher(setpriv, [$"--reuid={RunAsUser}", $"--regid={RunAsUser}", "--init-groups", "--"]);
            }

            throw new InvalidOperationException(
                "Tests run as root and PostgreSQL refuses to run as root, but neither runuser nor setpriv was found " +
                "(Debian: `apt-get install util-linux`).");
        }

        public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout) =>
            _wrapper is null
                ? ProcessRunner.RunAsync(executable, arguments, workingDirectory, timeout)
                : ProcessRunner.RunAsync(_wrapper, [.. _wrapperArguments, executable, .. arguments], workingDirectory, timeout);

        private static async Task<bool> IsRootAsync()
        {
            if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
            {
                return true;
            }

            var id = await ProcessRunner.TryRunAsync("id", ["-u"]);
            return id is { ExitCode: 0 } && id.StandardOutput.Trim() == "0";
        }

        private static string? FindExecutable(string name)
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
                .Select(directory => Path.Combine(directory, name))
                .FirstOrDefault(File.Exists);
        }
    }

    private sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
    {
        public string Describe() =>
            $"$ {CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}" +
            $"--- stdout ---{Environment.NewLine}{StandardOutput.TrimEnd()}{Environment.NewLine}" +
            $"--- stderr ---{Environment.NewLine}{StandardError.TrimEnd()}";

        public void ThrowIfFailed(string message)
        {
            if (ExitCode != 0)
            {
                throw new InvalidOperationException(message + Environment.NewLine + Describe());
            }
        }
    }

    private static class ProcessRunner
    {
        public static async Task<ProcessResult?> TryRunAsync(string executable, IReadOnlyList<string> arguments)
        {
            try
            {
                return await RunAsync(executable, arguments, Environment.CurrentDirectory, TimeSpan.FromSeconds(30));
            }
            catch (InvalidOperationException)
            {
                return null;
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        public static async Task<ProcessResult> RunAsync(
            string executable, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
        {
            var startInfo = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            // Keep libpq settings of the caller's environment (PGDATA, PGPORT, PGOPTIONS, ...) away from our cluster,
            // and messages in English so failures read the same everywhere.
            foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith("PG", StringComparison.Ordinal)).ToList())
            {
                startInfo.Environment.Remove(key);
            }

            startInfo.Environment["LC_MESSAGES"] = "C";

            var commandLine = string.Join(' ', arguments.Prepend(executable).Select(Quote));
            Process process;
            try
            {
                process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start: {commandLine}");
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException($"Could not start: {commandLine} ({exception.Message})", exception);
            }

            using (process)
            {
                process.StandardInput.Close();
                var standardOutput = process.StandardOutput.ReadToEndAsync();
                var standardError = process.StandardError.ReadToEndAsync();

                using var cancellation = new CancellationTokenSource(timeout);
                try
                {
                    await process.WaitForExitAsync(cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    try
                    {
                        process.Kill(entireProcessTree: true);
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s: {commandLine}");
                }

                // A daemonized grandchild could keep a pipe open; never wait on that for long.
                var output = await ReadOrPlaceholderAsync(standardOutput);
                var error = await ReadOrPlaceholderAsync(standardError);
                return new ProcessResult(commandLine, process.ExitCode, output, error);
            }
        }

        private static async Task<string> ReadOrPlaceholderAsync(Task<string> read)
        {
            try
            {
                return await read.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                return "(output still open after exit; not read)";
            }
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:".Contains(c, StringComparison.Ordinal))
                ? argument
                : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
