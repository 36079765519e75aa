using FlowCompiler.Runtime.Data;

namespace FlowCompiler.Tests.Panel;

/// <summary>The panel rows the sample event <c>server.created</c> refers to: server 1337 (VMID 4711 on pve-fra-1) of user 100.</summary>
internal static class PanelRows
{
    public const int ServerId = 1337;
    public const int Vmid = 4711;
    public const string Node = "pve-fra-1";
    public const string Mac = "BC:24:11:00:47:11";

    public static ServerRow Server() => new()
    {
        Id = ServerId,
        Vmid = Vmid,
        Userid = 100,
        Hostname = "ubuntu-2204",
        Cpu = 4,
        Ram = 8192,
        Disk = 120,
        Os = "Ubuntu 22.04 LTS",
        Node = Node,
        CreatedAt = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc),
        Status = "online",
    };

    /// <summary>The admin who opens the tickets of the error-log sample.</summary>
    public static UserRow Admin() => new()
    {
        Id = 1,
        Username = "admin",
        Email = "admin@example.org",
        Password = "$2y$10$hash",
        Register = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Permission = 3,
    };

    public static UserRow User() => new()
    {
        Id = 100,
        Username = "ada",
        Email = "ada@example.org",
        Password = "$2y$10$hash",
        Register = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        Permission = 1,
    };

    public static Ipv4RangeRow GlobalIpv4Range() => new()
    {
        Id = 1,
        Start = "192.0.2.10",
        End = "192.0.2.20",
        Subnet = 24,
        Gateway = "192.0.2.1",
        Scope = "global",
        CreatedAt = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    public static Ipv6RangeRow GlobalIpv6Range() => new()
    {
        Id = 1,
        Network = "2001:db8::",
        Prefix = 48,
        Target = 64,
        Gateway = "2001:db8::1",
        Scope = "global",
        CreatedAt = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
