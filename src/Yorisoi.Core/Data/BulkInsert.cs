using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Yorisoi.Core.Data;

/// <summary>
/// Writes many rows of one entity type with multi-row INSERT statements on the context's connection and current
/// transaction, bypassing the change tracker. Columns, names and value conversions (encryption of personal fields,
/// UTC ticks, enums), including those of owned types stored in the same table (a case's parties and business),
/// come from the EF model, so the rows read back exactly as if SaveChanges had written them. SaveChanges
/// interceptors do not run: the caller does what they would have done.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Below SQLite's historical limit of 999 bound variables per statement, and far below PostgreSQL's.</summary>
    private const int MaxParameters = 990;

    private const int SqliteParameters = 100;

    public static async Task InsertAsync<T>(YorisoiDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = Columns(entityType, table, owner: null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!))).Append(") VALUES ").ToString();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        // SQLite looks bound parameters up by name with a linear search, so a statement with hundreds of them costs
        // quadratic time; it prepares a statement once per command text, so a short one reused is fastest there.
        // PostgreSQL pays a round trip per statement instead, so it gets long ones.
        var rowsPerStatement = Math.Max(1, (db.Database.IsSqlite() ? SqliteParameters : MaxParameters) / columns.Count);
        DbCommand? fullCommand = null;
        try
        {
            foreach (var chunk in rows.Chunk(rowsPerStatement))
            {
                var partial = chunk.Length < rowsPerStatement;
                var command = partial ? Command(connection, transaction, head, columns.Count, chunk.Length) : fullCommand ??= Command(connection, transaction, head, columns.Count, rowsPerStatement);
                try
                {
                    command.Parameters.Clear();
                    var index = 0;
                    foreach (var row in chunk)
                    {
                        foreach (var column in columns)
                        {
                            command.Parameters.Add(column.Property.GetRelationalTypeMapping().CreateParameter(command, "@p" + index++, column.Value(row), column.Property.IsNullable));
                        }
                    }

                    await command.ExecuteNonQueryAsync(ct);
                }
                finally
                {
                    if (partial)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (fullCommand is not null)
            {
                await fullCommand.DisposeAsync();
            }
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string head, int columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head);
        var index = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "@p" : ", @p").Append(index++);
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }

    private static IEnumerable<Column> Columns(IEntityType entityType, StoreObjectIdentifier table, Func<object, object?>? owner)
    {
        foreach (var property in entityType.GetProperties())
        {
            if (IsGeneratedByTheStore(property) || (owner is not null && property.IsPrimaryKey()))
            {
                // An owned type's key is its owner's key, already written.
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} is a shadow property; save it with SaveChanges.");
            }

            var getter = property.GetGetter();
            yield return new Column(property, owner is null ? getter.GetClrValue : o => owner(o) is { } owned ? getter.GetClrValue(owned) : null);
        }

        foreach (var navigation in entityType.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.TargetEntityType.GetTableName() == table.Name))
        {
            var getter = navigation.GetGetter();
            Func<object, object?> ownedValue = owner is null ? getter.GetClrValue : o => owner(o) is { } parent ? getter.GetClrValue(parent) : null;
            foreach (var column in Columns(navigation.TargetEntityType, table, ownedValue))
            {
                yield return column;
            }
        }
    }

    /// <summary>Identity columns (CaseChange.Id) are numbered by the database; client-generated keys (Guid) are written.</summary>
    private static bool IsGeneratedByTheStore(IProperty property) =>
        property.ValueGenerated != ValueGenerated.Never && property.ClrType != typeof(Guid) && property.ClrType != typeof(string);

    private sealed record Column(IProperty Property, Func<object, object?> Value);
}
