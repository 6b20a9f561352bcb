using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Yorisoi.Core.Assistance.Checklists;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChecklistVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "checklist_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    label = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    based_on_id = table.Column<long>(type: "INTEGER", nullable: true),
                    based_on_label = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    publication_number = table.Column<int>(type: "INTEGER", nullable: true),
                    contributors = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    updated_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    published_by_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_checklist_versions_label",
                table: "checklist_versions",
                column: "label",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_checklist_versions_publication_number",
                table: "checklist_versions",
                column: "publication_number",
                unique: true);

            foreach (var sql in ChecklistVersionSql.SqliteUp)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in ChecklistVersionSql.SqliteDown)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "checklist_versions");
        }
    }
}
