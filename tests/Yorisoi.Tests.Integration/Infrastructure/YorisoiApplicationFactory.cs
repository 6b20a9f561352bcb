using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Yorisoi.Tests.Integration.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real host on an in-memory server, against a database of its own (a SQLite file in a temp directory or a
/// PostgreSQL database on the shared test server), with its own key directory and every log entry captured.
/// </summary>
public sealed class YorisoiApplicationFactory(
    DatabaseKind kind,
    string connectionString,
    string directory,
    bool? seedDemoData = false,
    IReadOnlyDictionary<string, string>? settings = null,
    string? migrationConnectionString = null)
    : WebApplicationFactory<Program>
{
    public DatabaseKind Kind { get; } = kind;

    public string ConnectionString { get; } = connectionString;

    public string Directory { get; } = directory;

    /// <summary>Every log entry the host wrote, at the levels the host's configuration lets through.</summary>
    public InMemoryLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Program reads these before Build(); UseSetting hands them over as host settings, early enough.
        builder.UseSetting("Database:Provider", Kind.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        if (migrationConnectionString is not null)
        {
            builder.UseSetting("Database:MigrationConnectionString", migrationConnectionString);
        }
        if (seedDemoData is { } seed)
        {
            builder.UseSetting("Database:SeedDemoData", seed ? "true" : "false");
        }

        builder.UseSetting("Keys:Directory", Path.Combine(Directory, "keys"));
        builder.UseSetting("DataDirectory", Directory);
        // A model trained in the background would change the suggestions in the middle of a test; tests train on demand.
        builder.UseSetting("Assistance:Model:TrainOnStart", "false");
        builder.UseSetting("Assistance:Model:RetrainHours", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
    }
}
