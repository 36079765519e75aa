using System.Net;
using System.Net.Sockets;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// The addresses one range hands out, in order, as 128-bit numbers (IPv4 uses the low 32 bits): an IPv4
/// range yields single addresses from start to end; an IPv6 range yields the aligned <c>/target</c> subnets of
/// its <c>/prefix</c>. Some candidates are never handed out (<see cref="IsReserved"/>).
/// </summary>
internal abstract class AddressBlock
{
    /// <summary>How the range is named in messages (<c>IPv4 range 3 (10.0.0.10-10.0.0.20, scope global)</c>).</summary>
    public abstract string Description { get; }

    /// <summary>The candidates, lowest first.</summary>
    protected abstract IEnumerable<UInt128> Candidates();

    /// <summary>Whether a candidate may never be handed out (network, broadcast, the gateway).</summary>
    protected abstract bool IsReserved(UInt128 candidate);

    /// <summary>The address family of the range.</summary>
    protected abstract AddressFamily Family { get; }

    /// <summary>
    /// The lowest candidate neither reserved nor in <paramref name="taken"/>, or null when the range is full.
    /// Walks at most |taken| + 3 candidates, so huge IPv6 ranges cost no more than small ones.
    /// </summary>
    public UInt128? LowestFree(IReadOnlySet<UInt128> taken)
    {
        foreach (var candidate in Candidates())
        {
            if (!IsReserved(candidate) && !taken.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The canonical text of an address of this range (<c>10.0.0.7</c>, <c>2001:db8:0:1::</c>).</summary>
    public string Format(UInt128 address)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, address);
        return (Family == AddressFamily.InterNetwork ? new IPAddress(bytes[12..]) : new IPAddress(bytes)).ToString();
    }

    /// <summary>The number of an address written in this range's family, or null when it is not such an address.</summary>
    public UInt128? Parse(string text)
    {
        if (!IPAddress.TryParse(text.Trim(), out var address) || address.AddressFamily != Family)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        var raw = address.GetAddressBytes();
        raw.CopyTo(bytes[(16 - raw.Length)..]);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
