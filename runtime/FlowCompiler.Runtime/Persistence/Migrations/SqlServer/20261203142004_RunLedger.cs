using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RunLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "runLedger",
                columns: table => new
                {
                    key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    runId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    nodeId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    output = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    recordedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runLedger", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_runLedger_runId",
                table: "runLedger",
                column: "runId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "runLedger");
        }
    }
}
