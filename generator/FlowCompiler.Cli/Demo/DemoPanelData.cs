using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Persistence;

namespace FlowCompiler.Cli.Demo;

/// <summary>
/// The demo's panel: the users, servers, charges, packages, tags and IP ranges the sample flows in
/// <c>flows/</c> and the sample events in <c>flows/events/</c> expect, so every flow has something to do.
/// </summary>
internal static class DemoPanelData
{
    /// <summary>The demo customer every sample event is about.</summary>
    public const int Ada = 100;

    /// <summary>A second customer, tagged unmetered, with no suspended server.</summary>
    public const int Grace = 101;

    /// <summary>The server of <c>flows/events/server.created.json</c>.</summary>
    public const int NewServer = 1337;

    /// <summary>Its Proxmox VM id and node.</summary>
    public const int NewServerVmid = 4711;

    public const string Node = "pve-fra-1";

    public static async Task SeedAsync(PanelDbContextFactory database, CancellationToken ct)
    {
        var registered = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc);
        await database.UseAsync(async db =>
        {
            db.Users.AddRange(
                new UserRow { Id = 1, Username = "admin", Email = "admin@example.com", Password = "$2y$10$demo-admin-hash", Register = registered.AddYears(-3), Permission = 3 },
                new UserRow { Id = Ada, Username = "ada", Email = "ada@example.org", Password = "$2y$10$demo-ada-hash", Register = registered, Permission = 1 },
                new UserRow { Id = Grace, Username = "grace", Email = "grace@example.org", Password = "$2y$10$demo-grace-hash", Register = registered.AddDays(3), Permission = 1 });
            db.Packages.AddRange(
                new PackageRow { Id = 3, Name = "Starter S", Price = 7.50m, Cpu = 4, Ram = 8192, Disk = 120, Type = 1, TemplateId = 1, Meta = new Dictionary<string, string> { ["tier"] = "starter" } },
                new PackageRow { Id = 4, Name = "Pro M", Price = 24.00m, Cpu = 8, Ram = 32768, Disk = 400, Type = 1, TemplateId = 1 });
            db.Templates.Add(new TemplateRow { Id = 1, Vmid = 9000, DisplayName = "Ubuntu 22.04 LTS", DefaultUser = "ubuntu", DefaultDrive = "scsi0", MinDisk = 10, MinCpu = 1, MinRam = 1024 });
            db.Servers.AddRange(
                new ServerRow { Id = NewServer, Vmid = NewServerVmid, Userid = Ada, Hostname = "ubuntu-2204", Cpu = 4, Ram = 8192, Disk = 120, Os = "Ubuntu 22.04 LTS", Node = Node, CreatedAt = registered, NextPayment = registered.AddMonths(1), PackageId = 3, Status = "online" },
                new ServerRow { Id = 1200, Vmid = 4600, Userid = Ada, Hostname = "old-box", Cpu = 1, Ram = 2048, Disk = 40, Os = "Debian 12", Node = Node, CreatedAt = registered.AddMonths(-6), PackageId = 3, Status = "suspended" },
                new ServerRow { Id = 1300, Vmid = 4800, Userid = Grace, Hostname = "build.grace.example", Cpu = 8, Ram = 32768, Disk = 400, Os = "Rocky Linux 9", Node = "pve-fra-2", CreatedAt = registered.AddDays(5), PackageId = 4, Status = "online" });
            db.Charges.AddRange(
                new ChargeRow { Id = 901, ServerId = NewServer, Price = 7.50m, Type = 1, Recurring = 1, Description = "Starter S base price", Active = 1 },
                new ChargeRow { Id = 902, ServerId = NewServer, Price = 12.90m, Type = 2, Recurring = 1, Description = "Managed backups (daily, 14 days)", Active = 1 },
                new ChargeRow { Id = 903, ServerId = NewServer, Price = 2.00m, Type = 2, Recurring = 1, Description = "Additional IPv4 address", Active = 1 });
            db.Balances.AddRange(
                new BalanceRow { Id = 57, Userid = Ada, Balance = 3.25m },
                new BalanceRow { Id = 58, Userid = Grace, Balance = 120.00m });
            db.Tags.AddRange(
                new TagRow { Id = 1, ResourceType = "server", ResourceId = NewServer, Name = "VIP" },
                new TagRow { Id = 2, ResourceType = "user", ResourceId = Grace, Name = "unmetered" },
                new TagRow { Id = 3, ResourceType = "user", ResourceId = Ada, Name = "newsletter" });

            // Ada's node has its own IPv4 range; IPv6 comes from the global range.
            db.Ipv4Ranges.AddRange(
                new Ipv4RangeRow { Id = 1, Start = "203.0.113.10", End = "203.0.113.20", Subnet = 24, Gateway = "203.0.113.1", Scope = "node", Nodes = Node, CreatedAt = registered },
                new Ipv4RangeRow { Id = 2, Start = "198.51.100.10", End = "198.51.100.200", Subnet = 24, Gateway = "198.51.100.1", Scope = "global", CreatedAt = registered });
            db.Ipv4Addresses.Add(new Ipv4AddressRow { Id = 1, Ip = "203.0.113.10", RangeId = 1, InUse = 1 });
            db.Ipv6Ranges.Add(new Ipv6RangeRow { Id = 1, Network = "2001:db8:100::", Prefix = 48, Target = 64, Gateway = "2001:db8:100::1", Scope = "global", CreatedAt = registered });
            return await db.SaveChangesAsync(ct);
        }, ct);
    }
}
