namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// IPAM cannot hand out an address: no range fits the request, every fitting range is full, a range is
/// misconfigured, or an IPAM id names no address. The message names the range or id and says what to fix.
/// </summary>
public sealed class IpamException(string message) : Exception(message);
