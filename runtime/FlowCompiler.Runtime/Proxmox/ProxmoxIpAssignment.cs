using System.Net;
using System.Net.Sockets;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// An address with its prefix length and optional gateway, to give a guest's first interface.
/// IPv4 and IPv6 are assigned separately; assigning one keeps the other family's settings.
/// </summary>
public sealed class ProxmoxIpAssignment
{
    /// <summary>Checks and creates an assignment.</summary>
    /// <param name="address">The guest's address (a host address, not the network's).</param>
    /// <param name="prefixLength">The subnet's prefix length: 8–32 for IPv4, 8–128 for IPv6.</param>
    /// <param name="gateway">The default gateway of the same family, or null for none.</param>
    /// <exception cref="ArgumentException">The values do not form a valid assignment.</exception>
    public ProxmoxIpAssignment(IPAddress address, int prefixLength, IPAddress? gateway)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"'{address}' is neither an IPv4 nor an IPv6 address.", nameof(address));
        }

        // Proxmox's CIDR formats have no room for a zone such as '%eth0'.
        if (HasZone(address) || (gateway is not null && HasZone(gateway)))
        {
            throw new ArgumentException("IPv6 addresses with a zone (%…) cannot be assigned through Proxmox.", nameof(address));
        }

        // Proxmox's CIDR formats accept prefixes from /8 up.
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefixLength < 8 || prefixLength > maxPrefix)
        {
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, $"The prefix length of {address} must be 8–{maxPrefix}.");
        }

        if (gateway is not null && gateway.AddressFamily != address.AddressFamily)
        {
            throw new ArgumentException($"Gateway {gateway} is not of the same IP version as {address}.", nameof(gateway));
        }

        Address = address;
        PrefixLength = prefixLength;
        Gateway = gateway;
    }

    /// <summary>The guest's address.</summary>
    public IPAddress Address { get; }

    /// <summary>The subnet's prefix length.</summary>
    public int PrefixLength { get; }

    /// <summary>The default gateway, or null.</summary>
    public IPAddress? Gateway { get; }

    /// <summary>Whether this is an IPv6 assignment.</summary>
    public bool IsIpv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Parses the textual form the panel's IPAM tables hold.</summary>
    /// <param name="address">e.g. <c>192.0.2.10</c> or <c>2001:db8::10</c>.</param>
    /// <param name="prefixLength">e.g. 24 or 64.</param>
    /// <param name="gateway">e.g. <c>192.0.2.1</c>; null or empty for none.</param>
    /// <exception cref="ArgumentException">A text is not an IP address, or the values do not fit together.</exception>
    public static ProxmoxIpAssignment Parse(string address, int prefixLength, string? gateway) =>
        new(ParseAddress(address, nameof(address)), prefixLength, string.IsNullOrWhiteSpace(gateway) ? null : ParseAddress(gateway, nameof(gateway)));

    /// <summary>The address in CIDR notation, as Proxmox's <c>ip</c>/<c>ip6</c> keys take it.</summary>
    internal string Cidr => $"{Address}/{PrefixLength}";

    /// <summary>The property-string key of the address: <c>ip</c> or <c>ip6</c>.</summary>
    internal string AddressKey => IsIpv6 ? "ip6" : "ip";

    /// <summary>The property-string key of the gateway: <c>gw</c> or <c>gw6</c>.</summary>
    internal string GatewayKey => IsIpv6 ? "gw6" : "gw";

    // ScopeId throws for IPv4 addresses.
    private static bool HasZone(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0;

    private static IPAddress ParseAddress(string text, string parameter) =>
        IPAddress.TryParse(text.Trim(), out var parsed)
            ? parsed
            : throw new ArgumentException($"'{text}' is not an IP address.", parameter);
}
