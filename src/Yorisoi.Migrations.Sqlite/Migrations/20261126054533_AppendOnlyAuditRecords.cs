using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnlyAuditRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Audit records and case history are append-only in the database too.
            migrationBuilder.Sql("CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records BEGIN SELECT RAISE(ABORT, 'audit_records is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER case_changes_no_update BEFORE UPDATE ON case_changes BEGIN SELECT RAISE(ABORT, 'case_changes is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER case_changes_no_update;");
            migrationBuilder.Sql("DROP TRIGGER audit_records_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER audit_records_no_update;");
        }
    }
}
