using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseFaqLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_faq_links",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    entry_version = table.Column<int>(type: "INTEGER", nullable: false),
                    linked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    linked_by_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_faq_links", x => new { x.case_id, x.entry_id });
                    table.ForeignKey(
                        name: "fk_case_faq_links_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_faq_links_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_faq_links_entry_id",
                table: "case_faq_links",
                column: "entry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_faq_links");
        }
    }
}
