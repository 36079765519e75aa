namespace FlowCompiler.Runtime.Enrichers;

/// <summary>The IPv4 address the <c>ipam</c> enricher allocated.</summary>
public sealed class Ipv4Allocation
{
    /// <summary>Id of the address in <c>ipv4Addresses</c>; what <c>assignIpv4</c> takes.</summary>
    public int Id { get; init; }

    /// <summary>The address.</summary>
    public string Ip { get; init; } = "";

    /// <summary>The range's gateway.</summary>
    public string Gateway { get; init; } = "";

    /// <summary>The range's prefix length, e.g. 24.</summary>
    public int Subnet { get; init; }
}
