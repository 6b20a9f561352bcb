namespace Yorisoi.Core.Data;

/// <summary>
/// Database triggers that keep audit records, case history and the knowledge base's history append-only whoever
/// is connected, the owner role included. Called from the migrations of both providers, so a regenerated
/// migration keeps them.
/// </summary>
public static class AppendOnlyTriggerSql
{
    /// <summary>The tables that can only grow: who saw what, who changed what, and who did what to an FAQ entry.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["audit_records", "case_changes", "faq_history"];

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

    /// <summary>The FAQ lifecycle's history (written, reviewed, approved, published, retired) refuses UPDATE, DELETE and TRUNCATE.</summary>
    public const string FaqHistoryPostgresUp = """
        CREATE TRIGGER faq_history_append_only BEFORE UPDATE OR DELETE ON faq_history
            FOR EACH ROW EXECUTE FUNCTION yorisoi_reject_change();
        CREATE TRIGGER faq_history_no_truncate BEFORE TRUNCATE ON faq_history
            FOR EACH STATEMENT EXECUTE FUNCTION yorisoi_reject_change();
        """;

    public const string FaqHistoryPostgresDown = """
        DROP TRIGGER faq_history_no_truncate ON faq_history;
        DROP TRIGGER faq_history_append_only ON faq_history;
        """;

    /// <summary>One statement each: SQLite's trigger bodies hold semicolons of their own.</summary>
    public static IReadOnlyList<string> FaqHistorySqliteUp { get; } =
    [
        "CREATE TRIGGER faq_history_no_update BEFORE UPDATE ON faq_history BEGIN SELECT RAISE(ABORT, 'faq_history is append-only'); END;",
        "CREATE TRIGGER faq_history_no_delete BEFORE DELETE ON faq_history BEGIN SELECT RAISE(ABORT, 'faq_history is append-only'); END;",
    ];

    public static IReadOnlyList<string> FaqHistorySqliteDown { get; } = ["DROP TRIGGER faq_history_no_delete;", "DROP TRIGGER faq_history_no_update;"];
}
