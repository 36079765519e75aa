using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            // The nodes of the runs recorded so far move into their rows, in execution order.
            migrationBuilder.Sql("""
                UPDATE "runs" SET "nodes" = COALESCE((SELECT json_group_array(json_object('id', n."nodeId", 'status', n."status", 'port', n."port", 'durationMs', n."durationMs", 'error', n."error")) FROM (SELECT * FROM "runNodes" WHERE "runId" = "runs"."id" ORDER BY "ordinal") n), '[]');
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
                    runId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    durationMs = table.Column<double>(type: "REAL", nullable: false),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    nodeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    port = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
