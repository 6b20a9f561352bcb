using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Centers;
using Yorisoi.Core.CodeLists;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Text.Analysis;

namespace Yorisoi.Web.Infrastructure;

public static class DataRegistration
{
    /// <summary>Database, keys, code lists, postal codes and the case services. Configuration: section "Database" and "Keys".</summary>
    public static WebApplicationBuilder AddYorisoiData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(options.ConnectionString, builder.Environment.ContentRootPath);
        }

        builder.Services.AddSingleton(options);
        var keyDirectory = builder.Configuration["Keys:Directory"] ?? Path.Combine(DataDirectory(builder), "keys");
        var (cipher, hasher) = KeyMaterial.Load(builder.Configuration["Keys:PersonalData"], builder.Configuration["Keys:LookupHash"], keyDirectory);
        builder.Services.AddSingleton(cipher);
        builder.Services.AddSingleton(hasher);
        builder.Services.AddSingleton(CodeListCatalog.LoadEmbedded());

        // One MeCab for the process (the dictionary is mapped once), opened on first use rather than at start.
        builder.Services.TryAddSingleton<IMorphologicalAnalyzer, SharedMeCab>();
        builder.Services.TryAddSingleton(_ => SynonymList.Default);
        builder.Services.AddSingleton<CodeListSuggester>();
        builder.Services.AddSingleton<PostalCodeDirectory>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AccessScope>();
        builder.Services.AddDbContext<YorisoiDbContext>(db => DatabaseConfigurator.Configure(db, options.Provider, options.ConnectionString));
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddScoped<AwaitingApprovals>();
        builder.Services.AddScoped<StaffAdministration>();
        builder.Services.AddScoped<DatabaseInitializer>();
        return builder;
    }

    internal static string DataDirectory(WebApplicationBuilder builder) =>
        builder.Configuration["DataDirectory"] ?? Path.Combine(Directory.GetCurrentDirectory(), "data");

    private static void EnsureSqliteDirectory(string connectionString, string contentRoot)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _ = contentRoot;
    }

    /// <summary>Migrates and seeds at start when configured; the `migrate` command does the same on demand.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (!options.MigrateOnStart)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(options.ShouldSeedDemoData);
    }
}
