namespace FlowCompiler.Emulators.Proxmox;

using static PveValueRules;

/// <summary>The property strings the emulator accepts: qemu <c>netN</c>, lxc <c>netN</c> and qemu <c>ipconfigN</c>.</summary>
internal static class PropertyStringGrammars
{
    public static readonly string[] QemuNicModels =
    [
        "e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em", "e1000e", "i82551", "i82557b", "i82559er",
        "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3",
    ];

    /// <summary><c>[model=]&lt;enum&gt; [,bridge=…] … [,&lt;model&gt;=&lt;macaddr&gt;]</c>; the model is required.</summary>
    public static PropertyStringGrammar QemuNet { get; } = new(
        new Dictionary<string, ValueRule>
        {
            ["model"] = Enum(QemuNicModels),
            ["bridge"] = Format(PveFormats.BridgeId),
            ["firewall"] = PropertyStringBoolean(),
            ["link_down"] = PropertyStringBoolean(),
            ["macaddr"] = Format(PveFormats.MacAddress),
            ["mtu"] = Integer(1, 65520),
            ["queues"] = Integer(0, 64),
            ["rate"] = Number(0),
            ["tag"] = Integer(1, 4094),
            ["trunks"] = Pattern(@"\d+(?:-\d+)?(?:;\d+(?:-\d+)?)*"),
        },
        new HashSet<string> { "model" },
        defaultKey: "model",
        aliases: QemuNicModels.ToDictionary(model => model, _ => (Alias: "macaddr", KeyAlias: "model")));

    /// <summary><c>name=… [,bridge=…] [,hwaddr=…] [,ip=…] [,gw=…] [,ip6=…] [,gw6=…] …</c>; the name is required.</summary>
    public static PropertyStringGrammar LxcNet { get; } = new(
        new Dictionary<string, ValueRule>
        {
            ["name"] = Pattern(@"[-_.\w\d]+"),
            ["bridge"] = Pattern(@"[-_.\w\d]+"),
            ["firewall"] = PropertyStringBoolean(),
            ["gw"] = Format(PveFormats.Ipv4),
            ["gw6"] = Format(PveFormats.Ipv6),
            ["host-managed"] = PropertyStringBoolean(),
            ["hwaddr"] = Format(PveFormats.MacAddress),
            ["ip"] = Format(PveFormats.Ipv4Config),
            ["ip6"] = Format(PveFormats.Ipv6Config),
            ["link_down"] = PropertyStringBoolean(),
            ["mtu"] = Integer(64, 65535),
            ["rate"] = Number(),
            ["tag"] = Integer(1, 4094),
            ["trunks"] = Pattern(@"\d+(?:;\d+)*"),
            ["type"] = Enum("veth"),
        },
        new HashSet<string> { "name" });

    /// <summary>
    /// <c>[gw=…] [,gw6=…] [,ip=…] [,ip6=…]</c>, plus the pairing qemu-server's cloud-init code insists on
    /// (a gateway needs a static address of its family); Proxmox stores such a config but cloud-init ignores it.
    /// </summary>
    public static PropertyStringGrammar QemuIpConfig { get; } = new(
        new Dictionary<string, ValueRule>
        {
            ["gw"] = Format(PveFormats.Ipv4),
            ["gw6"] = Format(PveFormats.Ipv6),
            ["ip"] = Format(PveFormats.Ipv4Config),
            ["ip6"] = Format(PveFormats.Ipv6Config),
        },
        new HashSet<string>(),
        semantics: IpConfigPairing);

    private static string? IpConfigPairing(IReadOnlyDictionary<string, string> config)
    {
        var ip = config.GetValueOrDefault("ip");
        var ip6 = config.GetValueOrDefault("ip6");
        if (config.ContainsKey("gw") && ip is null)
        {
            return "gateway specified without specifying an IP address";
        }

        if (config.ContainsKey("gw") && ip is "dhcp" or "manual")
        {
            return "gateway specified together with DHCP";
        }

        if (config.ContainsKey("gw6") && ip6 is null)
        {
            return "IPv6 gateway specified without specifying an IPv6 address";
        }

        return config.ContainsKey("gw6") && ip6 is "dhcp" or "auto" or "manual"
            ? $"IPv6 gateway specified together with {ip6} address"
            : null;
    }
}
