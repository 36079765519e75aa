using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CompactRunRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "nodes",
                table: "runs",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            // The nodes of the runs recorded so far move into their rows, in execution order.
            migrationBuilder.Sql("""
                UPDATE [runs] SET [nodes] = COALESCE((SELECT n.[nodeId] AS [id], n.[status], n.[port], n.[durationMs], n.[error] FROM [runNodes] n WHERE n.[runId] = [runs].[id] ORDER BY n.[ordinal] FOR JSON PATH), '[]');
                """);

            migrationBuilder.DropTable(
                name: "runNodes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "nodes",
                table: "runs");

            migrationBuilder.CreateTable(
                name: "runNodes",
                columns: table => new
                {
                    runId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ordinal = table.Column<int>(type: "int", nullable: false),
                    durationMs = table.Column<double>(type: "float", nullable: false),
                    error = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    nodeId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    port = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runNodes", x => new { x.runId, x.ordinal });
                    table.ForeignKey(
                        name: "FK_runNodes_runs_runId",
                        column: x => x.runId,
                        principalTable: "runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }
    }
}
