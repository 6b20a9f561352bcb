using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Yorisoi.Core.Cases;
using Yorisoi.Core.Security;
using Yorisoi.Tests.Integration.Infrastructure;

namespace Yorisoi.Tests.Integration.Security;

/// <summary>
/// Audit records and case history stay put even for SQL sent straight to the database, past the DbContext's
/// checks: the database itself refuses to change or remove them.
/// </summary>
public abstract class AppendOnlyDatabaseTests(AppFixture app)
{
    public static TheoryData<string> RewritingStatements => new()
    {
        "DELETE FROM case_changes",
        "DELETE FROM case_changes WHERE id = (SELECT max(id) FROM case_changes)",
        "UPDATE case_changes SET user_name = 'someone else'",
        "DELETE FROM audit_records",
        "DELETE FROM audit_records WHERE id = (SELECT max(id) FROM audit_records)",
        "UPDATE audit_records SET fields = 'nothing'",
        "DELETE FROM faq_history",
        "DELETE FROM faq_history WHERE id = (SELECT max(id) FROM faq_history)",
        "UPDATE faq_history SET user_name = 'someone else'",
    };

    [Theory]
    [MemberData(nameof(RewritingStatements))]
    public async Task TheDatabaseRefusesToRewriteHistory(string statement)
    {
        await MakeHistoryAsync();
        var before = await CountsAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsApplicationAsync(statement));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheKnowledgeBasesHistoryIsRefusedBulkChangesBeforeTheyReachTheDatabase()
    {
        var before = await CountsAsync();
        Assert.True(before.FaqHistory > 0, "The shipped FAQ entries' import is history.");

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.FaqHistory.ExecuteDeleteAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.AsSystemAsync(db => db.FaqHistory.ExecuteUpdateAsync(s => s.SetProperty(h => h.UserName, "someone else"))));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task NewHistoryIsStillWritten()
    {
        var before = await CountsAsync();

        await MakeHistoryAsync();

        var after = await CountsAsync();
        Assert.True(after.Changes > before.Changes && after.Audits > before.Audits, $"{before} -> {after}");
    }

    protected AppFixture App => app;

    protected async Task MakeHistoryAsync()
    {
        var subject = await app.RegisterAsync(app.World.CounselorA);
        await app.AsUserAsync(app.World.CounselorA, cases => cases.GetPersonalDataAsync(subject.Id));
    }

    protected Task<(int Changes, int Audits, int FaqHistory)> CountsAsync() =>
        app.AsSystemAsync(async db => (await db.CaseChanges.CountAsync(), await db.AuditRecords.CountAsync(), await db.FaqHistory.CountAsync()));

    /// <summary>A connection of the host's own database login, outside EF (so none of the DbContext's checks apply).</summary>
    protected abstract DbConnection ApplicationConnection();

    protected async Task ExecuteAsApplicationAsync(string sql)
    {
        await using var connection = ApplicationConnection();
        await RawSql.ExecuteAsync(connection, sql);
    }

}

public sealed class AppendOnlyDatabaseOnSqliteTests(SqliteApp app) : AppendOnlyDatabaseTests(app), IClassFixture<SqliteApp>
{
    protected override DbConnection ApplicationConnection() => new SqliteConnection(App.ConnectionString);
}

[Collection("postgres")]
public sealed class AppendOnlyDatabaseOnPostgresTests(PostgresApp app) : AppendOnlyDatabaseTests(app), IClassFixture<PostgresApp>
{
    [Theory]
    [InlineData("case_changes")]
    [InlineData("audit_records")]
    [InlineData("faq_history")]
    public async Task TheApplicationRoleCannotTruncateHistory(string table)
    {
        await MakeHistoryAsync();
        var before = await CountsAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsApplicationAsync($"TRUNCATE {table}"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("ALTER TABLE case_changes DISABLE TRIGGER ALL")]
    [InlineData("ALTER TABLE case_changes DISABLE TRIGGER case_changes_no_delete")]
    [InlineData("ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only")]
    [InlineData("DROP TRIGGER case_changes_no_delete ON case_changes")]
    [InlineData("DROP TABLE audit_records")]
    public async Task TheApplicationRoleOwnsNothingSoItCannotDisableTheTriggers(string statement)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsApplicationAsync(statement));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("DELETE FROM case_changes")]
    [InlineData("TRUNCATE case_changes")]
    [InlineData("UPDATE case_changes SET comment = 'rewritten'")]
    [InlineData("DELETE FROM audit_records")]
    [InlineData("TRUNCATE audit_records")]
    [InlineData("UPDATE audit_records SET detail = 'rewritten'")]
    [InlineData("DELETE FROM faq_history")]
    [InlineData("TRUNCATE faq_history")]
    [InlineData("UPDATE faq_history SET comment = 'rewritten'")]
    public async Task EvenTheOwnerRoleIsStoppedByTheTriggers(string statement)
    {
        await MakeHistoryAsync();
        var before = await CountsAsync();
        await using var owner = new NpgsqlConnection(App.MigrationConnectionString);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => RawSql.ExecuteAsync(owner, statement));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheHostRunsAsTheApplicationRoleWhichOwnsNoTable()
    {
        var user = await App.AsSystemAsync(async db =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            await db.Database.OpenConnectionAsync();
            command.CommandText = "SELECT current_user";
            return (string?)await command.ExecuteScalarAsync();
        });
        Assert.Equal(PostgresFixture.ApplicationRole, user);

        Assert.Equal(0L, await ScalarAsApplicationAsync<long>($"SELECT count(*) FROM pg_class c WHERE pg_get_userbyid(c.relowner) = '{PostgresFixture.ApplicationRole}'"));
        Assert.Equal(
            "SELECT,INSERT",
            await ScalarAsApplicationAsync<string>(
                "SELECT string_agg(p, ',' ORDER BY o) FROM (VALUES ('SELECT', 1), ('INSERT', 2), ('UPDATE', 3), ('DELETE', 4), ('TRUNCATE', 5), ('REFERENCES', 6), ('TRIGGER', 7)) AS v(p, o) " +
                "WHERE has_table_privilege(current_user, 'case_changes', p) AND has_table_privilege(current_user, 'audit_records', p) AND has_table_privilege(current_user, 'faq_history', p)"));
    }

    [Fact]
    public async Task NormalWorkSucceedsAsTheApplicationRole()
    {
        var registered = await App.RegisterAsync(App.World.CounselorA, input => input.KeywordCodes = ["K0208", "K0101"]);
        var input = CaseInputs.Valid("電話で解約を申し出たが受け付けてもらえなかった。解約の方法を知りたい。");
        input.KeywordCodes = ["K0101"];

        var updated = await App.DoAsync(App.World.CounselorA, cases => cases.UpdateAsync(registered.Id, registered.Version, input));
        var logged = await App.DoAsync(App.World.CounselorA, cases => cases.AddHandlingLogAsync(
            registered.Id, new HandlingLogInput { OccurredAt = DateTimeOffset.UtcNow, MethodCode = "M1", CounterpartCode = "T1", Text = "相談者に解約の申出方法を助言した。" }, HandlingLogKind.Handling));

        Assert.Equal(["K0101"], updated.Keywords.Select(k => k.Code));
        Assert.True(logged.Version > registered.Version);
        var history = await App.AsSystemAsync(db => db.CaseChanges.AsNoTracking().Where(c => c.CaseId == registered.Id).Select(c => c.Field).ToListAsync());
        Assert.Contains("Keywords", history);
        Assert.Contains("Summary", history);
    }

    [Fact]
    public async Task TablesThatLaterMigrationsAddAreUsableByTheApplicationRole()
    {
        // A later migration runs as the owner, like this statement; default privileges reach its new table.
        await using (var owner = new NpgsqlConnection(App.MigrationConnectionString))
        {
            await RawSql.ExecuteAsync(owner, "CREATE TABLE later_feature (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note text)");
        }

        await ExecuteAsApplicationAsync("INSERT INTO later_feature (note) VALUES ('a'), ('b'); UPDATE later_feature SET note = 'c' WHERE note = 'a'; DELETE FROM later_feature WHERE note = 'b'");

        Assert.Equal("c", await ScalarAsApplicationAsync<string>("SELECT string_agg(note, ',') FROM later_feature"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsApplicationAsync("TRUNCATE later_feature"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    protected override DbConnection ApplicationConnection() => new NpgsqlConnection(App.ConnectionString);

    private async Task<T> ScalarAsApplicationAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The statements are the test's own constants.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
