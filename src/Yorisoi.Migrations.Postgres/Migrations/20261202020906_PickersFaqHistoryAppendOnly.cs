using Microsoft.EntityFrameworkCore.Migrations;
using Yorisoi.Core.Data;

#nullable disable

namespace Yorisoi.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PickersFaqHistoryAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppendOnlyTriggerSql.FaqHistoryPostgresUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AppendOnlyTriggerSql.FaqHistoryPostgresDown);
        }
    }
}
