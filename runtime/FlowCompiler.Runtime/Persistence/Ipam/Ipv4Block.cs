using System.Net.Sockets;
using FlowCompiler.Runtime.Data;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// The addresses of an IPv4 range: start to end, never the subnet's network or broadcast address, nor the gateway.
/// </summary>
internal sealed class Ipv4Block : AddressBlock
{
    private readonly UInt128 _start;
    private readonly UInt128 _end;
    private readonly UInt128 _network;
    private readonly UInt128 _broadcast;
    private readonly UInt128? _gateway;
    private readonly bool _hasNetworkAndBroadcast;

    /// <summary>Reads <paramref name="range"/>; a range that cannot be read is an <see cref="IpamException"/> naming it.</summary>
    public Ipv4Block(Ipv4RangeRow range)
    {
        Description = $"IPv4 range {range.Id} ({range.Start}-{range.End}/{range.Subnet}, scope {range.Scope})";
        var start = Parse(range.Start) ?? throw Misconfigured($"start \"{range.Start}\" is not an IPv4 address");
        var end = Parse(range.End) ?? throw Misconfigured($"end \"{range.End}\" is not an IPv4 address");
        if (range.Subnet is < 0 or > 32)
        {
            throw Misconfigured($"subnet {range.Subnet} is not a prefix length from 0 to 32");
        }

        if (end < start)
        {
            throw Misconfigured("end is below start");
        }

        var hostBits = 32 - range.Subnet;
        var hostMask = (UInt128.One << hostBits) - 1;
        _start = start;
        _end = end;
        _network = start & ~hostMask & uint.MaxValue;
        _broadcast = _network | hostMask;
        // /31 and /32 have no network or broadcast address to spare (RFC 3021).
        _hasNetworkAndBroadcast = hostBits >= 2;
        _gateway = range.Gateway.Length == 0 ? null : Parse(range.Gateway);
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    protected override AddressFamily Family => AddressFamily.InterNetwork;

    /// <inheritdoc />
    protected override IEnumerable<UInt128> Candidates()
    {
        for (var address = _start; address <= _end; address++)
        {
            yield return address;
        }
    }

    /// <inheritdoc />
    protected override bool IsReserved(UInt128 candidate) =>
        (_hasNetworkAndBroadcast && (candidate == _network || candidate == _broadcast)) || candidate == _gateway;

    private IpamException Misconfigured(string problem) => new($"{Description} cannot be used: {problem}. Fix the range in the panel.");
}
