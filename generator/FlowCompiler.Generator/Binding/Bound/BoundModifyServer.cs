using System.Collections.Immutable;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Changes a VM or container through the Proxmox VE API.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="ServerId">The panel server id template, parsed as an int at run time.</param>
/// <param name="Component">general, network or ha.</param>
/// <param name="Action">The action, e.g. changeVlanTag.</param>
/// <param name="Values">The action's values in canonical order, each a template.</param>
public sealed record BoundModifyServer(
    string Id, Scope Scope, BoundTemplate ServerId, string Component, string Action, ImmutableArray<KeyValuePair<string, BoundTemplate>> Values)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "modifyServer";
}
