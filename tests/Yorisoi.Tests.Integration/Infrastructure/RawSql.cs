using System.Data.Common;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>Statements sent past EF on a connection of the test's choosing, so only the database's own guards apply.</summary>
public static class RawSql
{
    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are the test's own constants.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
