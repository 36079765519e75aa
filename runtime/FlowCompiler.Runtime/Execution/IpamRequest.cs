namespace FlowCompiler.Runtime.Execution;

/// <summary>What an <c>ipam</c> node asks for; the range is chosen by user, then node, then global scope.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="ProxmoxNode">The Proxmox node the address is for, or null.</param>
/// <param name="UserId">The user the address is for, or null.</param>
public sealed record IpamRequest(string NodeId, string? ProxmoxNode, int? UserId)
{
    /// <summary>
    /// The allocation's idempotency key in a durable run (<see cref="IdempotencyKeys"/>); null when the run is not durable.
    /// The allocation and its ledger entry are written in one transaction, so a resumed run gets the address it took.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
