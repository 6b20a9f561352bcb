using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Yorisoi.Core.Data;

/// <summary>
/// The application's PostgreSQL role owns nothing and may only read and write rows: SELECT, INSERT, UPDATE and
/// DELETE on ordinary tables, its sequences, on the append-only tables SELECT and INSERT alone, and on the checklist
/// versions (whose drafts are edited, and none removed) all but DELETE. Owning no
/// table, it can neither drop nor alter one, nor disable a trigger. The owner role runs this after every
/// migration; the default privileges give the same rights on tables that later migrations add.
/// </summary>
public static class PostgresPrivileges
{
    /// <summary>The statements the owner runs for <paramref name="applicationRole"/> in <paramref name="schema"/>.</summary>
    public static string GrantSql(string schema, string applicationRole)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(applicationRole);
        var s = QuoteIdentifier(schema);
        var role = QuoteIdentifier(applicationRole);
        var appendOnly = string.Join(", ", AppendOnlyTriggerSql.Tables.Select(t => $"{s}.{QuoteIdentifier(t)}"));
        return $"""
            GRANT USAGE ON SCHEMA {s} TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {role};
            REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA {s} FROM {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
            ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {appendOnly} FROM {role};
            REVOKE ALL ON {appendOnly} FROM PUBLIC;
            REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON {s}.{QuoteIdentifier(Assistance.Checklists.ChecklistVersionSql.Table)} FROM {role};
            """;
    }

    /// <summary>Grants <paramref name="applicationRole"/> its rights in the current schema, on an open connection of the owner role.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "GrantSql quotes every identifier.")]
    public static async Task GrantAsync(DbConnection ownerConnection, string applicationRole, CancellationToken ct = default)
    {
        string schema;
        await using (var query = ownerConnection.CreateCommand())
        {
            query.CommandText = "SELECT current_schema()";
            schema = (string?)await query.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("The owner connection has no current schema.");
        }

        await using var command = ownerConnection.CreateCommand();
        command.CommandText = GrantSql(schema, applicationRole);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
