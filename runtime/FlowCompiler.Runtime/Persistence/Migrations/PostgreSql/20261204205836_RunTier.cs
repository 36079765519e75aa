using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.PostgreSql
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
                type: "boolean",
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
