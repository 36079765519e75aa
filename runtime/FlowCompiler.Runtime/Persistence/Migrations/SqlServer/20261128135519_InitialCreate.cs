using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowCompiler.Runtime.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "balances",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    userid = table.Column<int>(type: "int", nullable: false),
                    balance = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_balances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "charges",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    serverId = table.Column<int>(type: "int", nullable: false),
                    price = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    type = table.Column<int>(type: "int", nullable: false),
                    calcType = table.Column<int>(type: "int", nullable: false),
                    calcOnly = table.Column<int>(type: "int", nullable: false),
                    osid = table.Column<int>(type: "int", nullable: true),
                    recurring = table.Column<int>(type: "int", nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    active = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_charges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "flowVersions",
                columns: table => new
                {
                    flowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "int", nullable: false),
                    name = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    triggerEvent = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    canonicalJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    published = table.Column<bool>(type: "bit", nullable: false),
                    contentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    updatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_flowVersions", x => new { x.flowId, x.version });
                });

            migrationBuilder.CreateTable(
                name: "ipv4Ranges",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    start = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    end = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    subnet = table.Column<int>(type: "int", nullable: false),
                    gateway = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    scope = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    nodes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    createdAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    userId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ipv4Ranges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ipv6Ranges",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    network = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    prefix = table.Column<int>(type: "int", nullable: false),
                    target = table.Column<int>(type: "int", nullable: false),
                    gateway = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    scope = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    nodes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    createdAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    userId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ipv6Ranges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "packages",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    name = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    price = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    cpu = table.Column<int>(type: "int", nullable: false),
                    ram = table.Column<int>(type: "int", nullable: false),
                    disk = table.Column<int>(type: "int", nullable: false),
                    meta = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    type = table.Column<int>(type: "int", nullable: false),
                    templateId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_packages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    flowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    flowVersion = table.Column<int>(type: "int", nullable: false),
                    eventName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    dryRun = table.Column<bool>(type: "bit", nullable: false),
                    startedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    durationMs = table.Column<double>(type: "float", nullable: false),
                    error = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    eventPayload = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    effectsJson = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "servers",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    vmid = table.Column<int>(type: "int", nullable: false),
                    userid = table.Column<int>(type: "int", nullable: false),
                    hostname = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    cpu = table.Column<int>(type: "int", nullable: false),
                    ram = table.Column<int>(type: "int", nullable: false),
                    disk = table.Column<int>(type: "int", nullable: false),
                    os = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ip = table.Column<int>(type: "int", nullable: true),
                    ip6 = table.Column<int>(type: "int", nullable: true),
                    node = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    createdAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    deletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    nextPayment = table.Column<DateTime>(type: "datetime2", nullable: true),
                    paymentReminderSent = table.Column<DateTime>(type: "datetime2", nullable: true),
                    packageId = table.Column<int>(type: "int", nullable: true),
                    status = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    cancelledAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_servers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    resourceType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    resourceId = table.Column<int>(type: "int", nullable: false),
                    name = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tags", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    vmid = table.Column<int>(type: "int", nullable: false),
                    displayName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    defaultUser = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    defaultDrive = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    minDisk = table.Column<int>(type: "int", nullable: false),
                    minCpu = table.Column<int>(type: "int", nullable: false),
                    minRAM = table.Column<int>(type: "int", nullable: false),
                    disabled = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    title = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    priority = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    creatorId = table.Column<int>(type: "int", nullable: false),
                    createdAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    username = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    password = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    register = table.Column<DateTime>(type: "datetime2", nullable: false),
                    permission = table.Column<int>(type: "int", nullable: false),
                    confirmationToken = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ipv4Addresses",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ip = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    fk_ipam = table.Column<int>(type: "int", nullable: false),
                    mac = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    in_use = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ipv4Addresses", x => x.id);
                    table.ForeignKey(
                        name: "FK_ipv4Addresses_ipv4Ranges_fk_ipam",
                        column: x => x.fk_ipam,
                        principalTable: "ipv4Ranges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ipv6Addresses",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ip = table.Column<string>(type: "nvarchar(45)", maxLength: 45, nullable: false),
                    fk_ipam = table.Column<int>(type: "int", nullable: false),
                    mac = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    in_use = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ipv6Addresses", x => x.id);
                    table.ForeignKey(
                        name: "FK_ipv6Addresses_ipv6Ranges_fk_ipam",
                        column: x => x.fk_ipam,
                        principalTable: "ipv6Ranges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "runNodes",
                columns: table => new
                {
                    runId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ordinal = table.Column<int>(type: "int", nullable: false),
                    nodeId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    port = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    durationMs = table.Column<double>(type: "float", nullable: false),
                    error = table.Column<string>(type: "nvarchar(max)", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "ticketMessages",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ticketId = table.Column<int>(type: "int", nullable: false),
                    authorId = table.Column<int>(type: "int", nullable: false),
                    content = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    createdAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketMessages", x => x.id);
                    table.ForeignKey(
                        name: "FK_ticketMessages_tickets_ticketId",
                        column: x => x.ticketId,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_balances_userid",
                table: "balances",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "IX_charges_serverId",
                table: "charges",
                column: "serverId");

            migrationBuilder.CreateIndex(
                name: "IX_flowVersions_triggerEvent_published",
                table: "flowVersions",
                columns: new[] { "triggerEvent", "published" });

            migrationBuilder.CreateIndex(
                name: "IX_ipv4Addresses_fk_ipam_ip",
                table: "ipv4Addresses",
                columns: new[] { "fk_ipam", "ip" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ipv4Ranges_scope",
                table: "ipv4Ranges",
                column: "scope");

            migrationBuilder.CreateIndex(
                name: "IX_ipv6Addresses_fk_ipam_ip",
                table: "ipv6Addresses",
                columns: new[] { "fk_ipam", "ip" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ipv6Ranges_scope",
                table: "ipv6Ranges",
                column: "scope");

            migrationBuilder.CreateIndex(
                name: "IX_runs_flowId_startedAt",
                table: "runs",
                columns: new[] { "flowId", "startedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_runs_startedAt",
                table: "runs",
                column: "startedAt");

            migrationBuilder.CreateIndex(
                name: "IX_servers_node",
                table: "servers",
                column: "node");

            migrationBuilder.CreateIndex(
                name: "IX_servers_userid",
                table: "servers",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "IX_tags_resourceType_resourceId",
                table: "tags",
                columns: new[] { "resourceType", "resourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketMessages_ticketId",
                table: "ticketMessages",
                column: "ticketId");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_creatorId",
                table: "tickets",
                column: "creatorId");

            migrationBuilder.CreateIndex(
                name: "IX_users_email",
                table: "users",
                column: "email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "balances");

            migrationBuilder.DropTable(
                name: "charges");

            migrationBuilder.DropTable(
                name: "flowVersions");

            migrationBuilder.DropTable(
                name: "ipv4Addresses");

            migrationBuilder.DropTable(
                name: "ipv6Addresses");

            migrationBuilder.DropTable(
                name: "packages");

            migrationBuilder.DropTable(
                name: "runNodes");

            migrationBuilder.DropTable(
                name: "servers");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "templates");

            migrationBuilder.DropTable(
                name: "ticketMessages");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "ipv4Ranges");

            migrationBuilder.DropTable(
                name: "ipv6Ranges");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "tickets");
        }
    }
}
