using System.Net.Sockets;
using FlowCompiler.Runtime.Data;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// The subnets of an IPv6 range: every aligned <c>/target</c> inside <c>network/prefix</c>, lowest first, except
/// the one that holds the gateway (it belongs to the provider's router, not to a customer).
/// </summary>
internal sealed class Ipv6Block : AddressBlock
{
    private readonly UInt128 _network;
    private readonly UInt128 _step;
    private readonly UInt128 _count;
    private readonly UInt128? _gateway;

    /// <summary>Reads <paramref name="range"/>; a range that cannot be read is an <see cref="IpamException"/> naming it.</summary>
    public Ipv6Block(Ipv6RangeRow range)
    {
        Description = $"IPv6 range {range.Id} ({range.Network}/{range.Prefix} split into /{range.Target}, scope {range.Scope})";
        var network = Parse(range.Network) ?? throw Misconfigured($"network \"{range.Network}\" is not an IPv6 address");
        if (range.Prefix is < 0 or > 128 || range.Target < range.Prefix || range.Target > 128 || range.Target - range.Prefix >= 128)
        {
            throw Misconfigured($"prefix /{range.Prefix} and target /{range.Target} must satisfy 0 < prefix <= target <= 128");
        }

        // The network is aligned to its prefix, as `ip` tools read "2001:db8::1/56".
        var prefixMask = range.Prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - range.Prefix);
        _network = network & prefixMask;
        _step = range.Target == 128 ? UInt128.One : UInt128.One << (128 - range.Target);
        _count = UInt128.One << (range.Target - range.Prefix);
        _gateway = range.Gateway.Length == 0 ? null : Parse(range.Gateway);
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    protected override AddressFamily Family => AddressFamily.InterNetworkV6;

    /// <inheritdoc />
    protected override IEnumerable<UInt128> Candidates()
    {
        for (UInt128 index = 0; index < _count; index++)
        {
            yield return _network + (index * _step);
        }
    }

    /// <inheritdoc />
    protected override bool IsReserved(UInt128 candidate) =>
        _gateway is { } gateway && gateway >= candidate && gateway - candidate < _step;

    private IpamException Misconfigured(string problem) => new($"{Description} cannot be used: {problem}. Fix the range in the panel.");
}
