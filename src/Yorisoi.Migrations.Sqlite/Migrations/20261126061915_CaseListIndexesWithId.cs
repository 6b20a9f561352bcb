using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseListIndexesWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_center_id_received_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_center_id_status_received_at",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_received_at_id",
                table: "cases",
                columns: new[] { "center_id", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_status_received_at_id",
                table: "cases",
                columns: new[] { "center_id", "status", "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_center_id_received_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_center_id_status_received_at_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_received_at",
                table: "cases",
                columns: new[] { "center_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_center_id_status_received_at",
                table: "cases",
                columns: new[] { "center_id", "status", "received_at" });
        }
    }
}
