namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>A row of <c>ipv4Addresses</c> or <c>ipv6Addresses</c> as IPAM sees it.</summary>
/// <param name="Id">Database id (the IPAM id flows pass to <c>assignIpv4</c>/<c>assignIpv6</c>).</param>
/// <param name="RangeId">The range it belongs to.</param>
/// <param name="Ip">The address as stored.</param>
/// <param name="InUse">Whether it is taken.</param>
internal sealed record IpamAddress(int Id, int RangeId, string Ip, bool InUse);
