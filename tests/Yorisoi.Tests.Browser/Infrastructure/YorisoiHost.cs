using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Yorisoi.Tests.Browser.Infrastructure;

/// <summary>
/// The real host, started as its own process from the web project's build output on a free port,
/// with a private SQLite file, private keys and a small demo data set, plus one headless Chromium.
/// Everything is removed again when the test run ends.
/// </summary>
public sealed class YorisoiHost : IAsyncLifetime
{
    public const string DemoPassword = "Yorisoi-Demo-2026";

    /// <summary>Longest wait for one action, navigation or expectation, in milliseconds.</summary>
    public const float ActionTimeout = 60_000;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "yorisoi-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _process;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The host's LLM endpoint for hand-over summaries: a recording server in this process, so no test leaves the machine.</summary>
    public Yorisoi.Tests.Integration.Infrastructure.RecordingChatServer Llm { get; private set; } = default!;

    public const string LlmModel = "browser-test-model";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Authenticator codes for this host's demo administrators: the server takes each code once.</summary>
    public Yorisoi.Tests.Integration.Infrastructure.TotpSequence Codes { get; } = new();

    /// <summary>The host's recent console output, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    public async Task InitializeAsync()
    {
        var webOutput = FindWebOutput();
        Directory.CreateDirectory(_dataDirectory);
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(webOutput, "Yorisoi.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        // Production, as deployed: the host serves its static web assets from the build output itself.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DataDirectory"] = _dataDirectory;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "yorisoi.db")}";
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["Database__DemoCaseCount"] = "200";
        // A model trained in the background would change the suggestions in the middle of a test.
        start.Environment["Assistance__Model__TrainOnStart"] = "false";
        start.Environment["Assistance__Model__RetrainHours"] = "0";
        start.Environment["Keys__Directory"] = Path.Combine(_dataDirectory, "keys");
        Llm = await Yorisoi.Tests.Integration.Infrastructure.RecordingChatServer.StartAsync();
        start.Environment["Yorisoi__Assistance__Llm__Endpoint"] = Llm.BaseUrl;
        start.Environment["Yorisoi__Assistance__Llm__Model"] = LlmModel;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Yorisoi host.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
        Assertions.SetDefaultExpectTimeout(ActionTimeout);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Timeout = 90_000,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile (cookies, storage) at desktop size, in Japanese.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // Generous budgets: every wait ends as soon as the page does what it waits for, so only a broken page
        // waits this long, and a machine busy with other builds still passes.
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(ActionTimeout);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Llm is not null)
        {
            await Llm.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; the temp folder is cleaned by the OS later.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The Yorisoi host exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still migrating or seeding.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The Yorisoi host was not ready within {StartTimeout.TotalSeconds} s.{Environment.NewLine}{RecentOutput}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>
    /// The web project's own build output (bin/&lt;configuration&gt;/net10.0), built before the tests
    /// through the project reference, in the same configuration as this test assembly.
    /// </summary>
    private static string FindWebOutput()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var dir = testOutput; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Yorisoi.Web", "bin", configuration, framework);
            if (File.Exists(Path.Combine(candidate, "Yorisoi.Web.dll")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Yorisoi.Web.dll was not found under src/Yorisoi.Web/bin/{configuration}/{framework}; build the solution first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<YorisoiHost>
{
    public const string Name = "browser";
}
