using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Yorisoi.Tests.Integration.Infrastructure;

/// <summary>Reads everything a database holds, the way someone with a copy of it could.</summary>
public static class DatabaseScanner
{
    /// <summary>The raw bytes of the SQLite database file, after moving the write-ahead log into it.</summary>
    public static async Task<byte[]> SqliteFileBytesAsync(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        using var bytes = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(bytes);
        }

        return bytes.ToArray();
    }

    /// <summary>Every value of every column of every table, as text.</summary>
    public static async Task<string> AllValuesAsync(DatabaseKind kind, string connectionString) =>
        kind == DatabaseKind.Postgres ? await PostgresValuesAsync(connectionString) : await SqliteValuesAsync(connectionString);

    private static async Task<string> SqliteValuesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await AppendRowsAsync(await select.ExecuteReaderAsync(), text);
        }

        return text.ToString();
    }

    private static async Task<string> PostgresValuesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.NotEmpty(columns);
        var text = new StringBuilder();
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            var selectList = string.Join(", ", table.Select(c => $"\"{c.Column}\"::text"));
            await using var select = new NpgsqlCommand($"SELECT {selectList} FROM \"{table.Key}\"", connection);
            await AppendRowsAsync(await select.ExecuteReaderAsync(), text);
        }

        return text.ToString();
    }

    private static async Task AppendRowsAsync(System.Data.Common.DbDataReader reader, StringBuilder text)
    {
        await using (reader)
        {
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    }).Append('\u001F');
                }

                text.Append('\n');
            }
        }
    }
}
