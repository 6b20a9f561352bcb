using Microsoft.EntityFrameworkCore;

namespace Yorisoi.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a file path data source; for PostgreSQL an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/yorisoi.db";

    /// <summary>
    /// PostgreSQL only: a connection string of the role that owns the schema. When set, migrations (the `migrate`
    /// command and <see cref="MigrateOnStart"/>) run as that role and then grant the role of
    /// <see cref="ConnectionString"/> only the rights it needs (<see cref="PostgresPrivileges"/>).
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>Apply pending migrations when the host starts (the default); otherwise run the `migrate` command.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Seed demo centers, accounts and cases into an empty database. Unset means: on for the embedded
    /// SQLite first run, off for PostgreSQL (a production install starts empty).
    /// </summary>
    public bool? SeedDemoData { get; set; }

    public bool ShouldSeedDemoData => SeedDemoData ?? Provider == DatabaseProvider.Sqlite;

    public int DemoCaseCount { get; set; } = 2000;
}

public static class DatabaseConfigurator
{
    public const string SqliteMigrationsAssembly = "Yorisoi.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Yorisoi.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(connectionString, npgsql =>
                {
                    npgsql.MigrationsAssembly(PostgresMigrationsAssembly);
                    npgsql.EnableRetryOnFailure(3);
                });
                break;
            default:
                builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
        }

        builder.UseSnakeCaseNamingConvention();
    }
}
