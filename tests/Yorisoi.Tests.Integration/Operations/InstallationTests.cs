using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Operations;

/// <summary>
/// How an operator installs Yorisoi: the `migrate` and `create-admin` commands of the built host against a fresh
/// PostgreSQL database, a production start that stays empty, and readiness that follows the database.
/// </summary>
[Collection("postgres")]
public sealed class PostgresInstallationTests(PostgresFixture postgres) : IDisposable
{
    private const string AdminPassword = "Admin-Password-2026";
    private readonly string _directory = Directory.CreateTempSubdirectory("yorisoi-install-").FullName;

    [Fact]
    public async Task MigrateBringsAFreshDatabaseUpToDateWithReferenceDataOnly()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate");

        var first = await RunHostAsync(connectionString, "migrate");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Database is up to date.", first.Output, StringComparison.Ordinal);

        var counts = await CountsAsync(connectionString);
        Assert.True(counts["__EFMigrationsHistory"] >= 1);
        Assert.True(counts["local_governments"] > 1_700, "every prefecture and municipality");
        Assert.True(counts["code_items"] > 200);
        Assert.Equal(Roles.All.Count, counts["AspNetRoles"]);
        Assert.Equal(0, counts["centers"]);
        Assert.Equal(0, counts["cases"]);
        Assert.Equal(0, counts["AspNetUsers"]);

        var again = await RunHostAsync(connectionString, "migrate");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(counts, await CountsAsync(connectionString));
    }

    [Fact]
    public async Task MigrateRunsAsTheOwnerAndLeavesTheApplicationRoleOnlyRowRights()
    {
        var database = await postgres.CreateApplicationDatabaseAsync("migrate_roles");

        var migrated = await RunHostAsync(
            database.ApplicationConnectionString, ["migrate"], AdminPassword, migrationConnectionString: database.OwnerConnectionString);
        Assert.True(migrated.ExitCode == 0, migrated.Output);

        var counts = await CountsAsync(database.ApplicationConnectionString);
        Assert.True(counts["local_governments"] > 1_700, "the application role reads what the owner wrote");
        await using var connection = new NpgsqlConnection(database.ApplicationConnectionString);
        await connection.OpenAsync();
        await using (var owners = new NpgsqlCommand("SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'", connection))
        {
            Assert.Equal(PostgresFixture.OwnerRole, await owners.ExecuteScalarAsync());
        }

        await using var delete = new NpgsqlCommand("DELETE FROM case_changes", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task TheApplicationRoleAloneSaysWhatIsMissingForMigrationsAndStartsOnceTheOwnerMigrated()
    {
        var database = await postgres.CreateApplicationDatabaseAsync("app_only");

        var refused = await RunHostAsync(database.ApplicationConnectionString, "migrate");
        Assert.True(refused.ExitCode != 0, refused.Output);
        Assert.Contains($"the role '{PostgresFixture.ApplicationRole}' of Database:ConnectionString may not change the schema", refused.Output, StringComparison.Ordinal);
        Assert.Contains("Set Database:MigrationConnectionString", refused.Output, StringComparison.Ordinal);

        var migrated = await RunHostAsync(database.ApplicationConnectionString, ["migrate"], AdminPassword, migrationConnectionString: database.OwnerConnectionString);
        Assert.True(migrated.ExitCode == 0, migrated.Output);

        // Up to date: the application role on its own has nothing to ask of the schema.
        var again = await RunHostAsync(database.ApplicationConnectionString, "migrate");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("Database is up to date.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdminMakesTheFirstAdministratorWhoMustSetUpTwoFactorSignIn()
    {
        var connectionString = await postgres.CreateDatabaseAsync("admin");

        var created = await RunHostAsync(connectionString, "create-admin", "--email", "admin@example.jp", "--name", "最初の管理者");
        Assert.True(created.ExitCode == 0, created.Output);

        var counts = await CountsAsync(connectionString);
        Assert.Equal(1, counts["AspNetUsers"]);
        Assert.Equal(1, counts["centers"]);
        Assert.Equal(0, counts["cases"]);

        await using var factory = new YorisoiApplicationFactory(DatabaseKind.Postgres, connectionString, _directory, seedDemoData: null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
            var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
            var admin = await db.Users.SingleAsync();
            Assert.Equal(("admin@example.jp", "最初の管理者", false), (admin.Email, admin.DisplayName, admin.TwoFactorEnabled));
            Assert.Equal(DatabaseInitializer.NationalCenterCode, (await db.Centers.SingleAsync(c => c.Id == admin.CenterId)).Code);
            var roleIds = await db.UserRoles.Where(r => r.UserId == admin.Id).Select(r => r.RoleId).ToListAsync();
            Assert.Equal([Roles.SystemAdmin], await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync());
        }

        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@example.jp", password = AdminPassword });
        await login.ExpectAsync(HttpStatusCode.NoContent);
        using var api = await client.GetAsync("/api/centers");
        await api.ExpectAsync(HttpStatusCode.Forbidden);
        using var page = await client.GetAsync("/");
        Assert.Equal("/account/two-factor", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CreateAdminExplainsWhatIsMissingOrTooWeak()
    {
        var connectionString = await postgres.CreateDatabaseAsync("admin_bad");

        var withoutEmail = await RunHostAsync(connectionString, "create-admin");
        Assert.Equal(2, withoutEmail.ExitCode);
        Assert.Contains("usage: create-admin", withoutEmail.Output, StringComparison.Ordinal);

        var weak = await RunHostAsync(connectionString, ["create-admin", "--email", "admin@example.jp"], password: "short");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("パスワードは12文字以上にしてください。", weak.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(connectionString))["AspNetUsers"]);

        var unknown = await RunHostAsync(connectionString, "drop-everything");
        Assert.Equal(2, unknown.ExitCode);
    }

    [Fact]
    public async Task AProductionInstallStartsWithNoCentersCasesOrAccounts()
    {
        var connectionString = await postgres.CreateDatabaseAsync("production");
        await using var factory = new YorisoiApplicationFactory(DatabaseKind.Postgres, connectionString, _directory, seedDemoData: null);
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var counts = await CountsAsync(connectionString);
        Assert.Equal((0, 0, 0), (counts["centers"], counts["cases"], counts["AspNetUsers"]));
        Assert.True(counts["local_governments"] > 1_700);
        Assert.False(factory.Services.GetRequiredService<DatabaseOptions>().ShouldSeedDemoData);
        Assert.True(File.Exists(Path.Combine(_directory, "keys", "personal-data.key")), "keys are kept outside the database");

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "counselor@demo.yorisoi.jp", password = DatabaseInitializer.DemoPassword });
        await login.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadinessFailsWhileTheDatabaseCannotBeReached()
    {
        var missing = postgres.Server.ConnectionString("no_such_database_" + Guid.NewGuid().ToString("N")[..8]);
        await using var factory = new YorisoiApplicationFactory(
            DatabaseKind.Postgres, missing, _directory, settings: new Dictionary<string, string> { ["Database:MigrateOnStart"] = "false" });
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; temp directories are not reused.
        }
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "__EFMigrationsHistory", "local_governments", "code_items", "AspNetRoles", "AspNetUsers", "centers", "cases" })
        {
            var name = await TableNameAsync(connection, table);
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{name}\"", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    // Identity tables follow the snake-case naming convention; look the real name up instead of guessing it.
    private static async Task<string> TableNameAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND replace(lower(table_name), '_', '') = replace(lower(@name), '_', '')", connection);
        command.Parameters.AddWithValue("name", table);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No table like {table}.");
    }

    private Task<(int ExitCode, string Output)> RunHostAsync(string connectionString, params string[] arguments) =>
        RunHostAsync(connectionString, arguments, AdminPassword);

    /// <summary>Runs the built host (Yorisoi.Web.dll) as an operator would, configured through environment variables.</summary>
    private async Task<(int ExitCode, string Output)> RunHostAsync(string connectionString, string[] arguments, string password, string? migrationConnectionString = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Yorisoi.Web.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["Database__Provider"] = "Postgres";
        startInfo.Environment["Database__ConnectionString"] = connectionString;
        if (migrationConnectionString is not null)
        {
            startInfo.Environment["Database__MigrationConnectionString"] = migrationConnectionString;
        }
        startInfo.Environment["Keys__Directory"] = Path.Combine(_directory, "keys");
        startInfo.Environment["DataDirectory"] = _directory;
        startInfo.Environment["YORISOI_ADMIN_PASSWORD"] = password;
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the host.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not finish: {string.Join(' ', arguments)}");
        }

        return (process.ExitCode, await output + await error);
    }
}

/// <summary>The embedded first run: SQLite with demo seeding left at its default.</summary>
public sealed class SqliteFirstRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yorisoi-firstrun-").FullName;

    [Fact]
    public async Task TheEmbeddedFirstRunSeedsDemoCentersAccountsAndCasesThatWorkTogether()
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "yorisoi.db")}";
        await using var factory = new YorisoiApplicationFactory(
            DatabaseKind.Sqlite, connectionString, _directory, seedDemoData: null, settings: new Dictionary<string, string> { ["Database:DemoCaseCount"] = "60" });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "counselor@demo.yorisoi.jp", password = DatabaseInitializer.DemoPassword });
        await login.ExpectAsync(HttpStatusCode.NoContent);
        using var centers = await client.GetAsync("/api/centers");
        var centerList = JsonNode.Parse(await centers.ExpectAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(1 + 47 + 7, centerList.Count);
        Assert.All(centerList, c => Assert.True(c!["isDemo"]!.GetValue<bool>()));

        // Every demo account takes the published password (it is hashed once and shared).
        using (var other = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }))
        {
            using var supervisorLogin = await other.PostAsJsonAsync("/api/auth/login", new { email = "yokohama-supervisor@demo.yorisoi.jp", password = DatabaseInitializer.DemoPassword });
            await supervisorLogin.ExpectAsync(HttpStatusCode.NoContent);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        var db = scope.ServiceProvider.GetRequiredService<YorisoiDbContext>();
        Assert.Equal(60, await db.Cases.CountAsync());
        // A completed demo case's history ends with its approval, like one worked through the application.
        var completed = await db.Cases.AsNoTracking().Where(c => c.Status == Yorisoi.Core.Cases.CaseStatus.Completed).Select(c => c.Id).FirstAsync();
        var lastChange = await db.CaseChanges.AsNoTracking().Where(c => c.CaseId == completed).OrderBy(c => c.At).ThenBy(c => c.Id).LastAsync();
        Assert.Equal((Yorisoi.Core.Cases.CaseChangeKind.StatusChanged, "完了"), (lastChange.Kind, lastChange.NewValue));

        // The demo cases are written as plain rows, not through SaveChanges: they read back like registered cases,
        // with the stamps and the "created" entry the history interceptor gives a new case, personal fields
        // encrypted at rest, and their keywords, handling log and history attached.
        var seeded = await db.Cases.AsNoTracking().Include(c => c.Keywords).Include(c => c.HandlingLog).ToListAsync();
        Assert.All(seeded, c => Assert.Equal((1, c.CreatedAt, c.CreatedById), (c.Version, c.UpdatedAt, c.UpdatedById)));
        var firstChanges = await db.CaseChanges.AsNoTracking().GroupBy(c => c.CaseId).Select(g => g.OrderBy(c => c.At).ThenBy(c => c.Id).First()).ToListAsync();
        Assert.Equal(60, firstChanges.Count);
        Assert.All(firstChanges, c => Assert.Equal((Yorisoi.Core.Cases.CaseChangeKind.Created, seeded.Single(s => s.Id == c.CaseId).CreatedAt, "system"), (c.Kind, c.At, c.UserName)));
        Assert.Equal(60, await db.CaseChanges.CountAsync(c => c.Kind == Yorisoi.Core.Cases.CaseChangeKind.Created));
        Assert.All(seeded, c => Assert.NotEmpty(c.Keywords));
        Assert.Contains(seeded, c => c.HandlingLog.Count > 0);
        Assert.All(seeded.SelectMany(c => c.HandlingLog), e => Assert.False(string.IsNullOrEmpty(e.Text)));
        Assert.All(seeded, c => Assert.False(c.Consultant.Name?.StartsWith("enc1:", StringComparison.Ordinal) ?? false));
        var hasher = scope.ServiceProvider.GetRequiredService<LookupHasher>();
        Assert.All(seeded.Where(c => c.Consultant.Phone is not null), c => Assert.Equal(hasher.Hash(Yorisoi.Core.Cases.CaseValidator.NormalizePhone(c.Consultant.Phone)), c.Consultant.PhoneHash));
        await db.Database.OpenConnectionAsync();
        await using (var raw = db.Database.GetDbConnection().CreateCommand())
        {
            raw.CommandText = "SELECT consultant_name FROM cases WHERE consultant_name IS NOT NULL LIMIT 1";
            Assert.StartsWith("enc1:", (string?)await raw.ExecuteScalarAsync(), StringComparison.Ordinal);
        }

        // The nine demo accounts of the README and the national center's FAQ editor and approver.
        Assert.Equal(9 + 2, await db.Users.CountAsync());

        // Demo receipt counters match the demo cases, so the next registration takes the next number.
        using var created = await client.PostJsonAsync("/api/cases", CaseInputs.Valid("デモ環境での新規登録"));
        await created.ExpectAsync(HttpStatusCode.Created);
        var detail = await created.ReadAsync<Yorisoi.Core.Cases.CaseDetail>();
        var sequences = await db.Cases.Where(c => c.CenterId == detail.CenterId && c.FiscalYear == detail.FiscalYear).Select(c => c.ReceiptSequence).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count), sequences);

        // The first start says what it is doing, step by step, while the port is not open yet.
        var progress = factory.Logs.Entries.Where(e => e.Category == typeof(DatabaseInitializer).FullName).Select(e => e.Message).ToList();
        Assert.Collection(
            progress,
            m => Assert.Equal("Migrating the database", m),
            m => Assert.StartsWith("Database migrated in ", m, StringComparison.Ordinal),
            m => Assert.StartsWith("Reference data ready ", m, StringComparison.Ordinal),
            m => Assert.StartsWith("Demo centers and accounts: 55 centers, 9 accounts", m, StringComparison.Ordinal),
            m => Assert.StartsWith("Demo cases 60/60 ", m, StringComparison.Ordinal),
            m => Assert.Matches(@"^Database ready in \d+\.\d s$", m));
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
}
