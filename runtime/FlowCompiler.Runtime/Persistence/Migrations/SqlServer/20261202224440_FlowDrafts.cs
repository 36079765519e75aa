using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FlowDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "createdAt",
                table: "flowVersions",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "createdBy",
                table: "flowVersions",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            // Versions stored before this migration were created when they were last updated, as far as anyone knows.
            migrationBuilder.Sql("UPDATE [flowVersions] SET [createdAt] = [updatedAt];");

            migrationBuilder.CreateTable(
                name: "flowDrafts",
                columns: table => new
                {
                    flowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    revision = table.Column<int>(type: "int", nullable: false),
                    name = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    triggerEvent = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    savedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    savedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    publishedRevision = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flowDrafts", x => x.flowId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "flowDrafts");

            migrationBuilder.DropColumn(
                name: "createdAt",
                table: "flowVersions");

            migrationBuilder.DropColumn(
                name: "createdBy",
                table: "flowVersions");
        }
    }
}
