using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Yorisoi.Core.Assistance.Checklists;

#nullable disable

namespace Yorisoi.Migrations.Postgres.Migrations
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    label = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    based_on_id = table.Column<long>(type: "bigint", nullable: true),
                    based_on_label = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    publication_number = table.Column<int>(type: "integer", nullable: true),
                    contributors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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

            migrationBuilder.Sql(ChecklistVersionSql.PostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ChecklistVersionSql.PostgresDown);
            migrationBuilder.DropTable(
                name: "checklist_versions");
        }
    }
}
