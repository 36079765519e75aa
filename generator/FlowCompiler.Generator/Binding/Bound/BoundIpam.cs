using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Allocates an IPAM address.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Family"><c>ipv4</c> or <c>ipv6</c>.</param>
/// <param name="Node">The Proxmox node, or null.</param>
/// <param name="UserId">The user, or null.</param>
/// <param name="As">The new field.</param>
/// <param name="Output">The allocation's type.</param>
public sealed record BoundIpam(string Id, Scope Scope, string Family, BoundTemplate? Node, BoundTemplate? UserId, string As, ObjectType Output)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "ipam";
}
