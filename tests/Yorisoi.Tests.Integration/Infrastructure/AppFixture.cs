using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Data;
using Yorisoi.Core.Security;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>
/// One running host with its own database and the seeded <see cref="TestWorld"/>, shared by the tests of one class.
/// Signed-in clients are made once per user and reused.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class AppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Lazy<Task<object>>> _once = new();
    private YorisoiApplicationFactory? _factory;
    private TestWorld? _world;

    protected AppFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "yorisoi-it-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public abstract DatabaseKind Kind { get; }

    public string Directory { get; }

    public YorisoiApplicationFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public TestWorld World => _world ?? throw new InvalidOperationException("The fixture has not started.");

    public InMemoryLoggerProvider Logs => Factory.Logs;

    /// <summary>What the host connects with: on PostgreSQL the application role, which owns nothing.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>PostgreSQL: the owner role that migrates; null on SQLite.</summary>
    public string? MigrationConnectionString { get; private set; }

    /// <summary>Authenticator codes for this host's accounts: the server takes each code once.</summary>
    public TotpSequence Codes { get; } = new();

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var (connectionString, migrationConnectionString) = await CreateDatabaseAsync();
        ConnectionString = connectionString;
        MigrationConnectionString = migrationConnectionString;
        _factory = new YorisoiApplicationFactory(Kind, connectionString, Directory, settings: await SettingsAsync(), migrationConnectionString: migrationConnectionString);
        _ = _factory.Server;
        _world = await TestWorld.SeedAsync(this);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            client.Value.Result.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the next run does not reuse it.
        }
    }

    /// <summary>Host settings of a fixture that needs more than the database (an LLM endpoint the test itself serves).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>?> SettingsAsync() => Task.FromResult<IReadOnlyDictionary<string, string>?>(null);

    /// <summary>The host's connection string and, where the database has a separate owner, the one migrations run with.</summary>
    protected abstract Task<(string ConnectionString, string? MigrationConnectionString)> CreateDatabaseAsync();

    /// <summary>A client signed in as <paramref name="user"/> (with a TOTP code where the user has two-factor sign-in on).</summary>
    public Task<HttpClient> ClientAsync(TestUser user) =>
        _clients.GetOrAdd(user.Key, _ => new Lazy<Task<HttpClient>>(() => SignInAsync(user))).Value;

    /// <summary>
    /// Builds a scenario once for this host and hands the same one to every test of the class (xunit makes a new
    /// test-class instance per test, so per-class set-up that needs the running host lives here).
    /// </summary>
    public async Task<T> OnceAsync<T>(Func<AppFixture, Task<T>> create)
        where T : class =>
        (T)await _once.GetOrAdd(typeof(T), _ => new Lazy<Task<object>>(async () => await create(this))).Value;

    /// <summary>A fresh client with no session.</summary>
    public HttpClient AnonymousClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>A new client and a new session for <paramref name="user"/>.</summary>
    public async Task<HttpClient> SignInAsync(TestUser user)
    {
        var client = AnonymousClient();
        var code = user.AuthenticatorKey is { } key ? await Codes.NextAsync(user.Email, key) : null;
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestWorld.Password, twoFactorCode = code });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {user.Email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Runs <paramref name="action"/> with a CaseService bound to <paramref name="user"/>, as a request of theirs would.</summary>
    public async Task<T> AsUserAsync<T>(TestUser user, Func<CaseService, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeUser(user.Id, user.DisplayName, user.CenterId);
        return await action(scope.ServiceProvider.GetRequiredService<CaseService>());
    }

    /// <summary>Runs <paramref name="action"/> with case search bound to <paramref name="user"/>, as a request of theirs would.</summary>
    public async Task<T> AsSearchUserAsync<T>(TestUser user, Func<Yorisoi.Core.Search.CaseSearchService, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeUser(user.Id, user.DisplayName, user.CenterId);
        return await action(scope.ServiceProvider.GetRequiredService<Yorisoi.Core.Search.CaseSearchService>());
    }

    /// <summary>Reads or writes the database with the center filter off, as system work does.</summary>
    public async Task<T> AsSystemAsync<T>(Func<YorisoiDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().BecomeSystem();
        return await action(scope.ServiceProvider.GetRequiredService<YorisoiDbContext>());
    }

    /// <summary>Registers a case through the service as <paramref name="user"/>; fails the test if it is refused.</summary>
    public async Task<CaseDetail> RegisterAsync(TestUser user, Action<CaseInput>? customize = null)
    {
        var input = CaseInputs.Valid();
        customize?.Invoke(input);
        var outcome = await AsUserAsync(user, cases => cases.RegisterAsync(input, null));
        return outcome.Kind == OutcomeKind.Created
            ? outcome.Value!
            : throw new InvalidOperationException($"Registration refused: {outcome.Kind} {string.Join("; ", outcome.Errors?.ToDictionary().Select(e => e.Key + "=" + string.Join('/', e.Value)) ?? [])}");
    }

    /// <summary>Applies a service operation and fails the test unless it succeeded.</summary>
    public async Task<CaseDetail> DoAsync(TestUser user, Func<CaseService, Task<Outcome<CaseDetail>>> action)
    {
        var outcome = await AsUserAsync(user, action);
        return outcome.Kind is OutcomeKind.Ok or OutcomeKind.Created
            ? outcome.Value!
            : throw new InvalidOperationException($"Operation refused: {outcome.Kind} {outcome.Message} {string.Join("; ", outcome.Errors?.ToDictionary().Select(e => e.Key + "=" + string.Join('/', e.Value)) ?? [])}");
    }

    public Task<Case> LoadCaseAsync(Guid id) =>
        AsSystemAsync(db => db.Cases.AsNoTracking().Include(c => c.HandlingLog).Include(c => c.Shares).SingleAsync(c => c.Id == id));

    public Task<List<AuditRecord>> AuditAsync(Guid? caseId, string action) =>
        AsSystemAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.CaseId == caseId && a.Action == action).OrderBy(a => a.Id).ToListAsync());
}

public sealed class SqliteApp : AppFixture
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    protected override Task<(string ConnectionString, string? MigrationConnectionString)> CreateDatabaseAsync() =>
        Task.FromResult<(string, string?)>(($"Data Source={Path.Combine(Directory, "yorisoi.db")}", null));
}

public sealed class PostgresApp(PostgresFixture postgres) : AppFixture
{
    public override DatabaseKind Kind => DatabaseKind.Postgres;

    /// <summary>The host runs as the application role and migrates as the owner, as in production.</summary>
    protected override async Task<(string ConnectionString, string? MigrationConnectionString)> CreateDatabaseAsync()
    {
        var database = await postgres.CreateApplicationDatabaseAsync("it");
        return (database.ApplicationConnectionString, database.OwnerConnectionString);
    }
}
