using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "runQueue",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    eventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    flowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    flowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    eventName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    availableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    enqueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    leaseOwner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    leaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    lastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runQueue", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_runQueue_state_availableAt",
                table: "runQueue",
                columns: new[] { "state", "availableAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "runQueue");
        }
    }
}
