using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Operations;

/// <summary>A developer reads the console: plain single lines. A log collector reads production's: JSON lines.</summary>
public sealed class ConsoleLogFormatTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yorisoi-logformat-").FullName;

    [Fact]
    public async Task DevelopmentLogsOnePlainLinePerEntry()
    {
        await using var factory = Host("Development");

        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var simple = factory.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Simple, console.FormatterName);
        Assert.True(simple.SingleLine);
        Assert.False(string.IsNullOrEmpty(simple.TimestampFormat));
    }

    [Fact]
    public async Task ProductionLogsJsonLines()
    {
        await using var factory = Host("Production");

        var console = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; temp directories are not reused.
        }
    }

    private YorisoiApplicationFactory Host(string environment) => new(
        DatabaseKind.Sqlite,
        $"Data Source={Path.Combine(_directory, environment + ".db")}",
        _directory,
        settings: new Dictionary<string, string> { ["environment"] = environment, ["Database:MigrateOnStart"] = "false" });
}
