using System.Diagnostics.CodeAnalysis;
using Yorisoi.Testing.Postgres;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>The connection strings of one application database: the application's role and the owner's.</summary>
public sealed record PostgresDatabase(string Name, string ApplicationConnectionString, string OwnerConnectionString);

/// <summary>
/// One <see cref="PostgresServer"/> for the whole test run, shared by every class in the "postgres" collection.
/// Like a production install it has an owner role, which owns the application databases and runs migrations,
/// and an application role that owns nothing and gets only the rights the migration grants it.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string OwnerRole = "yorisoi_owner";
    public const string ApplicationRole = "yorisoi_app";

    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server =>
        _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    /// <summary>Creates a database with a unique name (<paramref name="prefix"/> plus a GUID), owned by the superuser, and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = UniqueName(prefix);
        await Server.CreateDatabaseAsync(name);
        return Server.ConnectionString(name);
    }

    /// <summary>Creates a database owned by <see cref="OwnerRole"/>, as an operator sets one up for Yorisoi.</summary>
    public async Task<PostgresDatabase> CreateApplicationDatabaseAsync(string prefix = "app")
    {
        var name = UniqueName(prefix);
        await Server.CreateDatabaseAsync(name, OwnerRole);
        return new PostgresDatabase(name, Server.ConnectionString(name, ApplicationRole), Server.ConnectionString(name, OwnerRole));
    }

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        // The same two roles the README has an operator create (the cluster trusts local connections, so no passwords).
        await _server.ExecuteAsync($"CREATE ROLE {OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; CREATE ROLE {ApplicationRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    private static string UniqueName(string prefix)
    {
        var safePrefix = new string(prefix.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(30).ToArray());
        return $"{(safePrefix.Length == 0 ? "test" : safePrefix)}_{Guid.NewGuid():N}";
    }
}

/// <summary>Test classes marked <c>[Collection("postgres")]</c> share one <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition("postgres")]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xunit collection definition; the name says what it is.")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
}
