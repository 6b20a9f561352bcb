using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yorisoi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyAuditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Audit records and case history are append-only in the database too, so not even a
            // direct SQL session of the application's role can rewrite who saw or changed what.
            migrationBuilder.Sql("""
                CREATE FUNCTION yorisoi_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
                    FOR EACH ROW EXECUTE FUNCTION yorisoi_reject_change();
                CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
                    FOR EACH STATEMENT EXECUTE FUNCTION yorisoi_reject_change();
                CREATE TRIGGER case_changes_append_only BEFORE UPDATE ON case_changes
                    FOR EACH ROW EXECUTE FUNCTION yorisoi_reject_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER case_changes_append_only ON case_changes;
                DROP TRIGGER audit_records_no_truncate ON audit_records;
                DROP TRIGGER audit_records_append_only ON audit_records;
                DROP FUNCTION yorisoi_reject_change();
                """);
        }
    }
}
