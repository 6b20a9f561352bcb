using Microsoft.EntityFrameworkCore.Migrations;
using Yorisoi.Core.Data;

#nullable disable

namespace Yorisoi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PickersFaqHistoryAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AppendOnlyTriggerSql.FaqHistorySqliteUp)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AppendOnlyTriggerSql.FaqHistorySqliteDown)
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
