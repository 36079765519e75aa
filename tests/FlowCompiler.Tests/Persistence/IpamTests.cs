using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Ipam;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Tests.Persistence;

public sealed class IpamTests
{
    private static readonly IpamRequest Anyone = new("ipam", null, null);

    private static Ipv4RangeRow V4(int id, string start, string end, int subnet, string gateway, string scope = "global", string? nodes = null, int? user = null) =>
        new() { Id = id, Start = start, End = end, Subnet = subnet, Gateway = gateway, Scope = scope, Nodes = nodes, UserId = user, CreatedAt = PanelSeed.Created };

    private static Ipv6RangeRow V6(int id, string network, int prefix, int target, string gateway, string scope = "global") =>
        new() { Id = id, Network = network, Prefix = prefix, Target = target, Gateway = gateway, Scope = scope, CreatedAt = PanelSeed.Created };

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Ipv4_takes_the_lowest_free_address_never_network_gateway_or_broadcast(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(V4(1, "10.0.0.0", "10.0.0.7", 29, "10.0.0.1"));
        var ipam = new IpamAllocator(database.Factory);

        var taken = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            taken.Add((await ipam.AllocateIpv4Async(Anyone, CancellationToken.None)).Ip);
        }

        var full = await Assert.ThrowsAsync<IpamException>(() => ipam.AllocateIpv4Async(Anyone, CancellationToken.None));
        Assert.Equal(["10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"], taken);
        Assert.Equal("IPv4 range 1 (10.0.0.0-10.0.0.7/29, scope global) has no free address left: free addresses in it, or add another IPv4 range.", full.Message);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task An_allocation_reports_the_address_row_gateway_and_subnet_and_marks_it_in_use(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(V4(1, "192.0.2.10", "192.0.2.20", 24, "192.0.2.1"));

        var allocation = await new IpamAllocator(database.Factory).AllocateIpv4Async(Anyone, CancellationToken.None);

        await using var context = database.Factory.Create();
        var row = await context.Ipv4Addresses.SingleAsync();
        Assert.Equal((row.Id, "192.0.2.10", "192.0.2.1", 24), (allocation.Id, allocation.Ip, allocation.Gateway, allocation.Subnet));
        Assert.Equal((1, "192.0.2.10", 1), (row.RangeId, row.Ip, row.InUse));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Ranges_are_chosen_user_then_node_then_global(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            V4(1, "198.51.100.10", "198.51.100.20", 24, "198.51.100.1", "global"),
            V4(2, "192.0.2.10", "192.0.2.20", 24, "192.0.2.1", "node", nodes: "pve1, pve2"),
            V4(3, "203.0.113.10", "203.0.113.10", 24, "203.0.113.1", "user", user: 7));
        var ipam = new IpamAllocator(database.Factory);

        var forUser = await ipam.AllocateIpv4Async(new IpamRequest("ipam", "pve2", 7), CancellationToken.None);
        var userRangeFull = await ipam.AllocateIpv4Async(new IpamRequest("ipam", "pve2", 7), CancellationToken.None);
        var forNode = await ipam.AllocateIpv4Async(new IpamRequest("ipam", "pve2", 8), CancellationToken.None);
        var elsewhere = await ipam.AllocateIpv4Async(new IpamRequest("ipam", "pve9", 8), CancellationToken.None);
        var noInput = await ipam.AllocateIpv4Async(Anyone, CancellationToken.None);

        Assert.Equal("203.0.113.10", forUser.Ip);
        Assert.Equal("192.0.2.10", userRangeFull.Ip);
        Assert.Equal("192.0.2.11", forNode.Ip);
        Assert.Equal("198.51.100.10", elsewhere.Ip);
        Assert.Equal("198.51.100.11", noInput.Ip);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Ipv6_hands_out_aligned_target_subnets_skipping_the_gateways(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        // The network is written with host bits set: it is aligned to its /56.
        await database.AddAsync(V6(1, "2a01:4f9:3a:10ff::", 56, 64, "2a01:4f9:3a:1000::1"));
        var ipam = new IpamAllocator(database.Factory);

        var first = await ipam.AllocateIpv6Async(Anyone, CancellationToken.None);
        var second = await ipam.AllocateIpv6Async(Anyone, CancellationToken.None);

        Assert.Equal(("2a01:4f9:3a:1001::", 64, "2a01:4f9:3a:1000::1"), (first.Ip, first.Prefix, first.Gateway));
        Assert.Equal("2a01:4f9:3a:1002::", second.Ip);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_free_row_is_reused_and_a_dry_run_reserves_nothing(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            V4(1, "192.0.2.10", "192.0.2.20", 24, "192.0.2.1"),
            new Ipv4AddressRow { Id = 40, RangeId = 1, Ip = "192.0.2.10", InUse = 1 },
            new Ipv4AddressRow { Id = 41, RangeId = 1, Ip = "192.0.2.11", Mac = "bc:24:11:00:00:01", InUse = 0 });
        var ipam = new IpamAllocator(database.Factory);

        var picked = await ipam.PickIpv4Async(Anyone, CancellationToken.None);
        var pickedAgain = await ipam.PickIpv4Async(Anyone, CancellationToken.None);
        var reserved = await ipam.AllocateIpv4Async(Anyone, CancellationToken.None);
        var next = await ipam.PickIpv4Async(Anyone, CancellationToken.None);

        Assert.Equal((41, "192.0.2.11"), (picked.Id, picked.Ip));
        Assert.Equal((41, "192.0.2.11"), (pickedAgain.Id, pickedAgain.Ip));
        Assert.Equal((41, "192.0.2.11"), (reserved.Id, reserved.Ip));
        Assert.Equal((42, "192.0.2.12"), (next.Id, next.Ip));
        await using var context = database.Factory.Create();
        Assert.Equal([(40, 1), (41, 1)], (await context.Ipv4Addresses.OrderBy(a => a.Id).ToListAsync()).Select(a => (a.Id, a.InUse)));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Fifty_parallel_allocations_get_fifty_distinct_addresses(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(V4(1, "10.1.0.0", "10.1.0.255", 24, "10.1.0.1"), V6(2, "2001:db8:5::", 48, 64, "2001:db8:5::1"));
        var ipam = new IpamAllocator(database.Factory);

        var v4 = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ipam.AllocateIpv4Async(Anyone, CancellationToken.None))))
            .WaitAsync(TimeSpan.FromMinutes(2));
        var v6 = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => ipam.AllocateIpv6Async(Anyone, CancellationToken.None))))
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(50, v4.Select(a => a.Ip).Distinct().Count());
        Assert.Equal(50, v4.Select(a => a.Id).Distinct().Count());
        Assert.Equal(50, v6.Select(a => a.Ip).Distinct().Count());
        // Lowest first, so fifty allocations fill .2 to .51 exactly: no address skipped, none twice.
        Assert.Equal(Enumerable.Range(2, 50).Select(n => $"10.1.0.{n}"), v4.Select(a => a.Ip).OrderBy(ip => int.Parse(ip.Split('.')[3])));
        await using var context = database.Factory.Create();
        Assert.Equal(50, await context.Ipv4Addresses.CountAsync(a => a.InUse == 1));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task No_fitting_range_and_every_range_full_say_what_to_do(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            V4(1, "192.0.2.10", "192.0.2.10", 24, "192.0.2.1", "node", nodes: "pve1"),
            V4(2, "198.51.100.1", "198.51.100.1", 24, "198.51.100.1", "global"));
        var ipam = new IpamAllocator(database.Factory);
        await ipam.AllocateIpv4Async(new IpamRequest("ipam", "pve1", null), CancellationToken.None);

        var none = await Assert.ThrowsAsync<IpamException>(() => ipam.AllocateIpv6Async(new IpamRequest("ipam", "pve1", 7), CancellationToken.None));
        var full = await Assert.ThrowsAsync<IpamException>(() => ipam.AllocateIpv4Async(new IpamRequest("ipam", "pve1", null), CancellationToken.None));

        Assert.Equal("No IPv6 range fits: there is no range of scope user for user 7, none of scope node listing node \"pve1\", and none of scope global. Add an IPv6 range in the panel.", none.Message);
        Assert.Equal("Every IPv4 range that fits is full: IPv4 range 1 (192.0.2.10-192.0.2.10/24, scope node); IPv4 range 2 (198.51.100.1-198.51.100.1/24, scope global). " +
            "Free addresses in them, or add another IPv4 range.", full.Message);
    }

    [Fact]
    public async Task A_misconfigured_range_fails_only_the_requests_that_would_take_from_it()
    {
        await using var database = await TestPanelDatabase.CreateAsync(PanelDatabaseProvider.Sqlite);
        await database.AddAsync(
            V4(1, "192.0.2.10", "192.0.2.300", 24, "192.0.2.1", "user", user: 9),
            V4(2, "198.51.100.10", "198.51.100.20", 24, "198.51.100.1"),
            V6(3, "2001:db8::", 64, 56, "2001:db8::1"));
        var ipam = new IpamAllocator(database.Factory);

        var otherUser = await ipam.AllocateIpv4Async(new IpamRequest("ipam", null, 8), CancellationToken.None);
        var broken = await Assert.ThrowsAsync<IpamException>(() => ipam.AllocateIpv4Async(new IpamRequest("ipam", null, 9), CancellationToken.None));
        var brokenV6 = await Assert.ThrowsAsync<IpamException>(() => ipam.PickIpv6Async(Anyone, CancellationToken.None));

        Assert.Equal("198.51.100.10", otherUser.Ip);
        Assert.Equal("IPv4 range 1 (192.0.2.10-192.0.2.300/24, scope user) cannot be used: end \"192.0.2.300\" is not an IPv4 address. Fix the range in the panel.", broken.Message);
        Assert.Equal("IPv6 range 3 (2001:db8::/64 split into /56, scope global) cannot be used: prefix /64 and target /56 must satisfy 0 < prefix <= target <= 128. Fix the range in the panel.", brokenV6.Message);
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Assigning_an_address_marks_it_used_by_the_server_and_frees_the_old_one(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            V4(1, "192.0.2.10", "192.0.2.20", 24, "192.0.2.1"),
            new Ipv4AddressRow { Id = 1, RangeId = 1, Ip = "192.0.2.10", InUse = 1 },
            new Ipv4AddressRow { Id = 2, RangeId = 1, Ip = "192.0.2.11", InUse = 0 },
            new ServerRow { Id = 5, Vmid = 105, Userid = 7, Hostname = "web", Os = "Debian", Node = "pve1", Status = "online", CreatedAt = PanelSeed.Created, Ip = 1 },
            new ServerRow { Id = 6, Vmid = 106, Userid = 7, Hostname = "db", Os = "Debian", Node = "pve1", Status = "online", CreatedAt = PanelSeed.Created });
        var assignments = new IpamAssignments(database.Factory);

        var address = await assignments.FindIpv4Async(2, CancellationToken.None);
        await assignments.AssignIpv4Async(5, 2, CancellationToken.None);
        var taken = await Assert.ThrowsAsync<InvalidOperationException>(() => assignments.AssignIpv4Async(6, 2, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<IpamException>(() => assignments.FindIpv4Async(99, CancellationToken.None));

        Assert.Equal((2, "192.0.2.11", "192.0.2.1", 24), (address.Id, address.Ip, address.Gateway, address.Subnet));
        Assert.Equal("IPv4 address 192.0.2.11 (IPAM id 2) is already assigned to server 5: allocate another one.", taken.Message);
        Assert.Equal("No IPv4 address has IPAM id 99: pass the id an ipam node returned.", unknown.Message);
        await using var context = database.Factory.Create();
        Assert.Equal(2, (await context.Servers.SingleAsync(s => s.Id == 5)).Ip);
        Assert.Equal([(1, 0), (2, 1)], (await context.Ipv4Addresses.OrderBy(a => a.Id).ToListAsync()).Select(a => (a.Id, a.InUse)));
    }

    [Theory]
    [InlineData(PanelDatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task Assigning_an_ipv6_subnet_sets_the_servers_ip6(PanelDatabaseProvider provider)
    {
        await using var database = await TestPanelDatabase.CreateAsync(provider);
        await database.AddAsync(
            V6(1, "2001:db8:7::", 48, 64, "2001:db8:7::1"),
            new ServerRow { Id = 5, Vmid = 105, Userid = 7, Hostname = "web", Os = "Debian", Node = "pve1", Status = "online", CreatedAt = PanelSeed.Created });
        var allocation = await new IpamAllocator(database.Factory).AllocateIpv6Async(Anyone, CancellationToken.None);
        var assignments = new IpamAssignments(database.Factory);

        await assignments.AssignIpv6Async(5, allocation.Id, CancellationToken.None);
        var found = await assignments.FindIpv6Async(allocation.Id, CancellationToken.None);

        Assert.Equal(("2001:db8:7:1::", 64, "2001:db8:7::1"), (found.Ip, found.Prefix, found.Gateway));
        await using var context = database.Factory.Create();
        var server = await context.Servers.SingleAsync();
        Assert.Equal(allocation.Id, server.Ip6);
        Assert.Null(server.Ip);
    }
}
