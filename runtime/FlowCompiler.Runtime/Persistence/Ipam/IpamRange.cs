namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>One IPv4 or IPv6 range as IPAM sees it, whatever its table.</summary>
/// <param name="Id">Database id of the range.</param>
/// <param name="Scope"><c>user</c>, <c>node</c> or <c>global</c>.</param>
/// <param name="Nodes">Comma-separated Proxmox nodes when the scope is <c>node</c>.</param>
/// <param name="UserId">The user when the scope is <c>user</c>.</param>
/// <param name="Gateway">The range's gateway.</param>
/// <param name="Length">What an allocation reports as its length: the subnet (IPv4) or the target (IPv6).</param>
/// <param name="ReadBlock">Reads the range's addresses; only when the range is tried, so a misconfigured range
/// fails the requests that would take from it, not every request.</param>
internal sealed record IpamRange(int Id, string Scope, string? Nodes, int? UserId, string Gateway, int Length, Lazy<AddressBlock> ReadBlock)
{
    /// <summary>The addresses the range hands out.</summary>
    /// <exception cref="IpamException">The range is misconfigured; the message names it.</exception>
    public AddressBlock Block => ReadBlock.Value;
}
