namespace Yorisoi.Core.Data;

/// <summary>
/// Database triggers that keep audit records and case history append-only whoever is connected, the owner
/// role included. Called from the migrations of both providers, so a regenerated migration keeps them.
/// </summary>
public static class AppendOnlyTriggerSql
{
    /// <summary>The tables that can only grow: who saw what, and who changed what.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["audit_records", "case_changes"];

    /// <summary>
    /// Completes the PostgreSQL triggers of the initial migration (which covered UPDATE, DELETE and TRUNCATE on
    /// audit_records but only UPDATE on case_changes) so both tables refuse all three.
    /// </summary>
    public const string PostgresUp = """
        CREATE TRIGGER case_changes_no_delete BEFORE DELETE ON case_changes
            FOR EACH ROW EXECUTE FUNCTION yorisoi_reject_change();
        CREATE TRIGGER case_changes_no_truncate BEFORE TRUNCATE ON case_changes
            FOR EACH STATEMENT EXECUTE FUNCTION yorisoi_reject_change();
        """;

    public const string PostgresDown = """
        DROP TRIGGER case_changes_no_truncate ON case_changes;
        DROP TRIGGER case_changes_no_delete ON case_changes;
        """;

    /// <summary>
    /// SQLite has no TRUNCATE; its truncate optimisation for a DELETE without WHERE is skipped when the table has
    /// a DELETE trigger, so this trigger also stops an unqualified DELETE.
    /// </summary>
    public const string SqliteUp =
        "CREATE TRIGGER case_changes_no_delete BEFORE DELETE ON case_changes BEGIN SELECT RAISE(ABORT, 'case_changes is append-only'); END;";

    public const string SqliteDown = "DROP TRIGGER case_changes_no_delete;";
}
