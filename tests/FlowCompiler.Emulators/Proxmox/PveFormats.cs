using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// Proxmox's named string formats (PVE::JSONSchema's register_format), written from their documented rules.
/// Each check returns Proxmox's error text, or null when the value is valid. The emulator and the
/// conformance test both use them.
/// </summary>
internal static partial class PveFormats
{
    /// <summary>The formats by the name the API schema uses.</summary>
    public static IReadOnlyDictionary<string, Func<string, string?>> ByName { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["dns-name"] = DnsName,
        ["pve-node"] = NodeName,
        ["pve-vmid"] = Vmid,
        ["pve-configid"] = ConfigId,
        ["pve-configid-list"] = ConfigIdList,
        ["pve-ha-resource-or-vm-id"] = HaResourceId,
        ["ipv4"] = Ipv4,
        ["ipv6"] = Ipv6,
        ["mac-addr"] = MacAddress,
        ["pve-ipv4-config"] = Ipv4Config,
        ["pve-ipv6-config"] = Ipv6Config,
        ["pve-bridge-id"] = BridgeId,
        ["pve-qm-ipconfig"] = value => PropertyStringGrammars.QemuIpConfig.Check(value),
    };

    public static string? DnsName(string value) =>
        DnsNamePattern().IsMatch(value) ? null : "value does not look like a valid DNS name";

    public static string? NodeName(string value) =>
        NodePattern().IsMatch(value) ? null : "value does not look like a valid node name";

    public static string? Vmid(string value) =>
        VmidPattern().IsMatch(value) ? null : "value does not look like a valid VM ID";

    // Older releases allowed no '-'; current ones do, and HA group ids commonly use it.
    public static string? ConfigId(string value) =>
        ConfigIdPattern().IsMatch(value) ? null : $"invalid configuration ID '{value}'";

    public static string? ConfigIdList(string value) =>
        value.Split([',', ';', ' ', '\t', '\0'], StringSplitOptions.RemoveEmptyEntries).Select(ConfigId).FirstOrDefault(error => error is not null);

    public static string? HaResourceId(string value) =>
        HaSidPattern().IsMatch(value) ? null : $"unable to parse service id '{value}'";

    public static string? Ipv4(string value) =>
        Ipv4Pattern().IsMatch(value) ? null : "value does not look like a valid IPv4 address";

    public static string? Ipv6(string value) =>
        IsIpv6(value) ? null : "value does not look like a valid IPv6 address";

    public static string? MacAddress(string value) =>
        UnicastMacPattern().IsMatch(value) ? null : "value does not look like a valid unicast MAC address";

    public static string? Ipv4Config(string value) =>
        value is "dhcp" or "manual" || IsCidr(value, Ipv4Pattern().IsMatch, 32) ? null : "value does not look like a valid ipv4 network configuration";

    public static string? Ipv6Config(string value) =>
        value is "auto" or "dhcp" or "manual" || IsCidr(value, IsIpv6, 128) ? null : "value does not look like a valid ipv6 network configuration";

    public static string? BridgeId(string value) =>
        BridgePattern().IsMatch(value) ? null : $"invalid bridge ID '{value}'";

    /// <summary>Whether the value is a CIDR the ipv4/ipv6 config formats accept: prefixes from /8 up.</summary>
    public static bool IsCidr(string value, Func<string, bool> isAddress, int maxPrefix)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            && isAddress(value[..slash])
            && int.TryParse(value[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)
            && prefix > 7
            && prefix <= maxPrefix;
    }

    public static bool IsIpv6(string value) =>
        !value.Contains('%', StringComparison.Ordinal)
        && !value.Contains('[', StringComparison.Ordinal)
        && value.Contains(':', StringComparison.Ordinal)
        && IPAddress.TryParse(value, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\z")]
    private static partial Regex DnsNamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\z")]
    private static partial Regex NodePattern();

    [GeneratedRegex(@"^[1-9][0-9]{2,8}\z")]
    private static partial Regex VmidPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_\-]+\z", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigIdPattern();

    [GeneratedRegex(@"^(?:(?:vm|ct):)?[1-9][0-9]{2,8}\z")]
    private static partial Regex HaSidPattern();

    [GeneratedRegex(@"^(?:(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])\.){3}(?:25[0-5]|(?:2[0-4]|1[0-9]|[1-9])?[0-9])\z")]
    private static partial Regex Ipv4Pattern();

    // The second hex digit even: the I/G bit is clear, as a unicast address needs.
    [GeneratedRegex(@"^[a-f0-9][02468ace](?::[a-f0-9]{2}){5}\z", RegexOptions.IgnoreCase)]
    private static partial Regex UnicastMacPattern();

    [GeneratedRegex(@"^[-_.\w\d]+\z")]
    private static partial Regex BridgePattern();
}
