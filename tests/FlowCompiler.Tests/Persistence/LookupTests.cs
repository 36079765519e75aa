using System.Text.Json;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Lookups;

namespace FlowCompiler.Tests.Persistence;

public sealed class LookupTests
{
    private static UserRow Alice() => new()
    {
        Id = 7, Username = "alice", Email = "alice@example.com", Password = "$2y$hash", Register = PanelSeed.Created,
        Permission = 3, ConfirmationToken = null,
    };

    private static ServerRow Server(int id, int user, string hostname) => new()
    {
        Id = id, Vmid = 100 + id, Userid = user, Hostname = hostname, Cpu = 2, Ram = 2048, Disk = 20, Os = "Debian 12",
        Node = "pve1", CreatedAt = PanelSeed.Created, NextPayment = PanelSeed.Created.AddDays(30), Status = "online",
    };

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_join_on_id_gives_the_row_with_every_column_or_null(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(Alice(), new UserRow { Id = 8, Username = "bob", Email = "bob@example.com", Register = PanelSeed.Created, Permission = 1 });
        var lookups = new PanelLookups(database.Factory);

        var alice = await lookups.FindRowAsync<UserRow>(new DbLookup("join", "users", "id", 7), CancellationToken.None);
        var nobody = await lookups.FindRowAsync<UserRow>(new DbLookup("join", "users", "id", 99), CancellationToken.None);

        Assert.Equal(Json(Alice()), Json(alice));
        Assert.Equal(DateTimeKind.Utc, alice!.Register.Kind);
        Assert.Null(nobody);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_join_on_another_column_gives_every_matching_row_in_id_order(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        // Inserted out of id order: the result must still come in id order.
        await database.AddAsync(Server(3, 7, "c"), Server(1, 7, "a"), Server(2, 8, "b"), Server(4, 7, "d"));
        var lookups = new PanelLookups(database.Factory);

        var servers = await lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "servers", "userid", 7), CancellationToken.None);
        var none = await lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "servers", "userid", 42), CancellationToken.None);

        Assert.Equal([Json(Server(1, 7, "a")), Json(Server(3, 7, "c")), Json(Server(4, 7, "d"))], servers.Select(Json));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Values_are_converted_to_the_columns_type(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(Server(1, 7, "web-1"), Server(2, 7, "web-2"));
        var lookups = new PanelLookups(database.Factory);

        var byText = await lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "servers", "userid", "7"), CancellationToken.None);
        var byLong = await lookups.FindRowAsync<ServerRow>(new DbLookup("join", "servers", "id", 2L), CancellationToken.None);
        var byHostname = await lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "servers", "hostname", "web-2"), CancellationToken.None);
        var notANumber = await lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "servers", "userid", "seven"), CancellationToken.None);

        Assert.Equal([1, 2], byText.Select(s => s.Id));
        Assert.Equal("web-2", byLong!.Hostname);
        Assert.Equal([2], byHostname.Select(s => s.Id));
        Assert.Empty(notANumber);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Every_table_can_be_joined_by_id(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        var rows = OneRowPerTable();
        await database.AddAsync([.. rows]);
        var lookups = new PanelLookups(database.Factory);

        foreach (var row in rows)
        {
            var table = ((Runtime.Catalog.FlowTableAttribute)Attribute.GetCustomAttribute(row.GetType(), typeof(Runtime.Catalog.FlowTableAttribute))!).Name;
            var find = typeof(PanelLookups).GetMethod(nameof(PanelLookups.FindRowAsync))!.MakeGenericMethod(row.GetType());
            var task = (Task)find.Invoke(lookups, [new DbLookup("join", table, "id", 1), CancellationToken.None])!;
            await task;
            var found = task.GetType().GetProperty("Result")!.GetValue(task);

            Assert.Equal(Json(row), Json(found));
        }

        Assert.Equal(FlowTables.All.Count, rows.Count);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Load_tags_gives_the_resources_tags_in_id_order(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            new TagRow { Id = 1, ResourceType = "server", ResourceId = 5, Name = "vip" },
            new TagRow { Id = 2, ResourceType = "user", ResourceId = 5, Name = "reseller" },
            new TagRow { Id = 3, ResourceType = "server", ResourceId = 5, Name = "eu" },
            new TagRow { Id = 4, ResourceType = "server", ResourceId = 6, Name = "us" });
        var lookups = new PanelLookups(database.Factory);

        var serverTags = await lookups.LoadTagsAsync(new TagLookup("tags", "server", 5), CancellationToken.None);
        var userTags = await lookups.LoadTagsAsync(new TagLookup("tags", "user", 5), CancellationToken.None);
        var none = await lookups.LoadTagsAsync(new TagLookup("tags", "user", 6), CancellationToken.None);

        Assert.Equal([(1, "vip"), (3, "eu")], serverTags.Select(t => (t.Id, t.Name)));
        Assert.Equal([(2, "reseller")], userTags.Select(t => (t.Id, t.Name)));
        Assert.Empty(none);
    }

    [Fact]
    public async Task An_unknown_column_is_refused_with_the_tables_columns()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        var lookups = new PanelLookups(database.Factory);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "servers", "usrid", 7), CancellationToken.None));
        var wrongTable = await Assert.ThrowsAsync<ArgumentException>(() =>
            lookups.FindRowsAsync<ServerRow>(new DbLookup("join", "users", "id", 7), CancellationToken.None));

        Assert.Contains("Table \"servers\" has no column \"usrid\"; its columns are id, vmid, userid,", error.Message);
        Assert.Contains("\"users\" does not hold ServerRow rows (those are in \"servers\")", wrongTable.Message);
    }

    private static List<object> OneRowPerTable() =>
    [
        Server(1, 1, "web-1"),
        new UserRow { Id = 1, Username = "carol", Email = "carol@example.com", Password = "$2y$other", Register = PanelSeed.Created, Permission = 2, ConfirmationToken = "t0k" },
        new BalanceRow { Id = 1, Userid = 1, Balance = 12.5m },
        new ChargeRow { Id = 1, ServerId = 1, Price = 7.5m, Type = 2, CalcType = 1, CalcOnly = 0, Osid = 9000, Recurring = 1, Description = "backup", Active = 1 },
        new PackageRow { Id = 1, Name = "S", Price = 4.99m, Cpu = 1, Ram = 1024, Disk = 10, Meta = new Dictionary<string, string> { ["region"] = "eu", ["tier"] = "s" }, Type = 2, TemplateId = 1 },
        new TemplateRow { Id = 1, Vmid = 9000, DisplayName = "Debian 12", DefaultUser = "debian", DefaultDrive = "scsi0", MinDisk = 10, MinCpu = 1, MinRam = 512, Disabled = 0 },
        new Ipv4RangeRow { Id = 1, Start = "192.0.2.2", End = "192.0.2.254", Subnet = 24, Gateway = "192.0.2.1", Scope = "node", Nodes = "pve1,pve2", CreatedAt = PanelSeed.Created },
        new Ipv4AddressRow { Id = 1, Ip = "192.0.2.10", RangeId = 1, Mac = "bc:24:11:00:00:01", InUse = 1 },
        new Ipv6RangeRow { Id = 1, Network = "2001:db8:100::", Prefix = 56, Target = 64, Gateway = "2001:db8:100::1", Scope = "user", UserId = 7, CreatedAt = PanelSeed.Created },
        new Ipv6AddressRow { Id = 1, Ip = "2001:db8:100:1::", RangeId = 1, InUse = 0 },
        new TagRow { Id = 1, ResourceType = "server", ResourceId = 1, Name = "vip" },
        new TicketRow { Id = 1, Title = "Disk full", Priority = "high", CreatorId = 7, CreatedAt = PanelSeed.Created },
        new TicketMessageRow { Id = 1, TicketId = 1, AuthorId = 7, Content = "Please help", CreatedAt = PanelSeed.Created },
    ];

    private static string Json(object? row) => JsonSerializer.Serialize(row, row?.GetType() ?? typeof(object));
}
