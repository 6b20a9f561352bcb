using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeBase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    owner_center_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    audience = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    published_version = table.Column<int>(type: "INTEGER", nullable: true),
                    is_retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    latest_version = table.Column<int>(type: "INTEGER", nullable: false),
                    review_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entries_centers_owner_center_id",
                        column: x => x.owner_center_id,
                        principalTable: "centers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "search_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    surface = table.Column<int>(type: "INTEGER", nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    result_count = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_entry_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    opened_case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: true),
                    rated_unhelpful = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "faq_entry_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<string>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    audience = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    products = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    keywords = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    sales_forms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    laws = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    related = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    review_due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    author_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approver_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    approver_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    approved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    retired_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entry_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entry_versions_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_feedback",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    helpful = table.Column<bool>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    search_log_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_feedback_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_history_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "faq_view_counts",
                columns: table => new
                {
                    entry_id = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_view_counts", x => new { x.entry_id, x.version, x.day });
                    table.ForeignKey(
                        name: "fk_faq_view_counts_faq_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "faq_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_owner_center_id_category",
                table: "faq_entries",
                columns: new[] { "owner_center_id", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_review_due",
                table: "faq_entries",
                column: "review_due");

            migrationBuilder.CreateIndex(
                name: "ix_faq_entry_versions_entry_id_number",
                table: "faq_entry_versions",
                columns: new[] { "entry_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_faq_feedback_entry_id_version",
                table: "faq_feedback",
                columns: new[] { "entry_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_history_entry_id_version_at",
                table: "faq_history",
                columns: new[] { "entry_id", "version", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_search_log_at_query",
                table: "search_log",
                columns: new[] { "at", "query" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_entry_versions");

            migrationBuilder.DropTable(
                name: "faq_feedback");

            migrationBuilder.DropTable(
                name: "faq_history");

            migrationBuilder.DropTable(
                name: "faq_view_counts");

            migrationBuilder.DropTable(
                name: "search_log");

            migrationBuilder.DropTable(
                name: "faq_entries");
        }
    }
}
