using Npgsql;

namespace Yorisoi.Tests.Integration.Infrastructure;

[Collection("postgres")]
public sealed class PostgresServerTests(PostgresFixture fixture)
{
    [Fact]
    public async Task ServerStartsAndAnswersQueries()
    {
        var database = "pg_smoke_" + Guid.NewGuid().ToString("N");
        await fixture.Server.CreateDatabaseAsync(database);

        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version()", connection);
        var version = await command.ExecuteScalarAsync() as string;

        Assert.NotNull(version);
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);
        Assert.Equal(database, connection.Database);
    }

    [Fact]
    public async Task AnApplicationDatabaseIsOwnedByTheOwnerRoleAndTheHostRoleIsNoSuperuser()
    {
        var database = await fixture.CreateApplicationDatabaseAsync("pg_roles");

        await using var connection = new NpgsqlConnection(database.ApplicationConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pg_get_userbyid(d.datdba) || ',' || current_user || ',' || r.rolsuper FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user", connection);

        Assert.Equal($"{PostgresFixture.OwnerRole},{PostgresFixture.ApplicationRole},false", await command.ExecuteScalarAsync());
    }
}
