using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunTier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "interpreted",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "interpreted",
                table: "runs");
        }
    }
}
