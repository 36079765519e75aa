using CsCheck;
using FlowCompiler.Runtime.Data;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Interpretation;

/// <summary>Random event payloads with hostile strings, and the in-memory panel data the random flows read.</summary>
internal static class RandomEvents
{
    // Event data may hold anything: NUL, lone surrogates, CR/LF, quotes, markup, U+2028.
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char, 0, 8],
        Gen.String[Gen.Char["a-zA-Z0-9 .-"], 0, 12],
        Gen.OneOf("", "vip", "VIP", "ubuntu-2204", "pve-fra-1", "12", "evil\"host\\\n\u2028\u0085*/#line 1 </b>&{}", "\0nul", "\uD800lone", "a\r\nb", "{{hostname}}", "é🚀"),
        // Separators that would add a recipient, a host or a path if a hole's value were not escaped for where it lands.
        Gen.OneOf("victim@example.org, attacker@evil.example", "\"x\" <attacker@evil.example>", "a@b.c;d@e.f", "@evil.example/", "//evil.example", "..%2F..%2F", "?x=1&y=2#f", "\u202Ertl\u200B\uFEFF"),
        // Long values, of any character.
        Gen.String[Gen.Char, 300, 3000]);

    private static readonly Gen<DateTime> Time = Gen.Int[0, 2_000_000_000].Select(s => DateTime.UnixEpoch.AddSeconds(s));

    private static readonly Gen<DateTime?> MaybeTime = Gen.OneOf(Gen.Const((DateTime?)null), Time.Select(t => (DateTime?)t));

    private static readonly Gen<int> SmallId = Gen.Int[0, 4];

    private static readonly Gen<ServerCharge> Charge =
        from id in SmallId
        from amount in Gen.OneOf(Gen.Const(7.5m), Gen.Const(12.90m), Gen.Const(10m), Gen.Int[-500, 5000].Select(c => c / 100m))
        from description in Text
        select new ServerCharge { Id = id, ServerId = 1, Amount = amount, Description = description, ServerType = "s" };

    public static readonly Gen<ServerEvent> Server =
        from ids in SmallId.Array[3]
        from hostname in Text
        from os in Text
        from ip in Gen.OneOf(Gen.Const((string?)null), Text.Select(t => (string?)t))
        from node in Text
        from status in Gen.OneOf(Gen.OneOf("online", "suspended"), Text)
        from numbers in Gen.Int[-2, 9000].Array[2]
        from createdAt in Time
        from nextPayment in MaybeTime
        from packageId in Gen.OneOf(Gen.Const((int?)null), Gen.Const((int?)3), SmallId.Select(i => (int?)i))
        from charges in Charge.Array[0, 3]
        select new ServerEvent
        {
            Id = ids[0], Vmid = ids[1], Userid = ids[2], Hostname = hostname, Cpu = numbers[0] % 64, Ram = numbers[1], Os = os, Ip = ip, Ip6 = ip,
            Node = node, Status = status, CreatedAt = createdAt, NextPayment = nextPayment, PackageId = packageId, Charges = charges,
        };

    public static readonly Gen<UserEvent> User =
        from id in SmallId
        from name in Text
        from email in Text
        from register in Time
        from permission in Gen.Int[0, 3]
        from token in Gen.OneOf(Gen.Const((string?)null), Text.Select(t => (string?)t))
        select new UserEvent { Id = id, Name = name, Email = email, Register = register, Permission = permission, ConfirmationToken = token };

    public static readonly Gen<BalanceEvent> Balance =
        from ids in SmallId.Array[2]
        from balance in Gen.Int[-100000, 100000].Select(c => c / 100m)
        select new BalanceEvent { Id = ids[0], Userid = ids[1], Balance = balance };

    /// <summary>Fresh services holding the same rows and tags every time; <paramref name="failing"/> nodes throw.</summary>
    public static InMemoryFlowServices Services(IEnumerable<string> failing)
    {
        var services = new InMemoryFlowServices();
        for (var id = 1; id <= 3; id++)
        {
            services.AddRow("users", new UserRow { Id = id, Username = id == 2 ? "evil\"user\\\n</b>" : "user" + id, Email = $"user{id}@example.org", Permission = id });
            services.AddRow("servers", new ServerRow { Id = 10 + id, Userid = id, Hostname = "srv" + id, Cpu = id * 2, Status = id == 3 ? "suspended" : "online" });
            services.AddRow("servers", new ServerRow { Id = 20 + id, Userid = id, Hostname = "vm\u2028" + id, Cpu = 1, Status = "online" });
            services.AddRow("charges", new ChargeRow { Id = 30 + id, ServerId = id, Price = 4.5m * id, Description = "charge \"" + id + "\"" });
            services.AddTag("server", id, id == 1 ? "VIP" : "vip");
            services.AddTag("server", id, "a\"b");
            services.AddTag("user", id, "unmetered");
        }

        services.AddRow("packages", new PackageRow { Id = 3, Name = "Starter S", Price = 4.99m, Meta = new Dictionary<string, string> { ["tier"] = "small & <cheap>" } });
        services.FailingNodes.UnionWith(failing);
        return services;
    }
}
