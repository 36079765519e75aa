using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Flows;

/// <summary>The event payloads the suites raise.</summary>
public static class BenchEvents
{
    /// <summary>A new server with <paramref name="cpu"/> cores and plain, realistic values.</summary>
    public static ServerEvent Server(int cpu) => new()
    {
        Id = 4711,
        Vmid = 1204,
        Userid = 42,
        Hostname = "web-042.example.com",
        Cpu = cpu,
        Ram = 16384,
        Disk = 200,
        Os = "Debian 12",
        Ip = null,
        Ip6 = "2001:db8::42",
        Node = "pve-fra-03",
        CreatedAt = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc),
        Status = "online",
        Charges =
        [
            new ServerCharge { Id = 1, ServerId = 4711, Amount = 4.50m, Description = "Backup", ServerType = "s" },
            new ServerCharge { Id = 2, ServerId = 4711, Amount = 2.00m, Description = "IPv4", ServerType = "s" },
            new ServerCharge { Id = 3, ServerId = 4711, Amount = 12.90m, Description = "Managed", ServerType = "s" },
        ],
    };

    /// <summary>A small database server with cheap charges: no condition of the predicate suite holds for it.</summary>
    public static ServerEvent PlainServer() => new()
    {
        Id = 815,
        Userid = 7,
        Hostname = "db-7.example.com",
        Cpu = 2,
        Ram = 2048,
        Disk = 40,
        Os = "Ubuntu 24.04",
        Node = "pve-fra-01",
        CreatedAt = new DateTime(2024, 3, 1, 9, 30, 0, DateTimeKind.Utc),
        Status = "online",
        Charges = [new ServerCharge { Id = 9, ServerId = 815, Amount = 3.00m, Description = "Backup", ServerType = "c" }],
    };

    /// <summary>
    /// A server whose text fields carry what escaping must survive: quotes, backslashes, markup, a script
    /// tag, CR/LF, a tab, U+2028, a control character, non-ASCII letters and an emoji.
    /// </summary>
    public static ServerEvent HostileServer() => new()
    {
        Id = 4711,
        Vmid = 1204,
        Userid = 42,
        Hostname = "web\"042\\<script>alert('x')</script>&amp;\r\nBcc: evil@example.com",
        Cpu = 16,
        Ram = 16384,
        Disk = 200,
        Os = "Debian \"bookworm\"\t\u2028\u0001 Müller 🚀",
        Ip = null,
        Node = "</p><img src=x onerror=alert(1)>",
        CreatedAt = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc),
        Status = "online & \"fine\"",
    };
}
