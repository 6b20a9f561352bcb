using Npgsql;
using Yorisoi.Testing.Postgres;

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
}
