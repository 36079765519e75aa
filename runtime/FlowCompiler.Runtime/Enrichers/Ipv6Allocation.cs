namespace FlowCompiler.Runtime.Enrichers;

/// <summary>The IPv6 subnet the <c>ipam</c> enricher allocated.</summary>
public sealed class Ipv6Allocation
{
    /// <summary>Id of the subnet in <c>ipv6Addresses</c>; what <c>assignIpv6</c> takes.</summary>
    public int Id { get; init; }

    /// <summary>The subnet's network address.</summary>
    public string Ip { get; init; } = "";

    /// <summary>The range's gateway.</summary>
    public string Gateway { get; init; } = "";

    /// <summary>The prefix length of the allocated subnet (the range's target), e.g. 64.</summary>
    public int Prefix { get; init; }
}
