using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Adds a rendered string.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="As">The new field.</param>
/// <param name="Value">The template.</param>
public sealed record BoundAddField(string Id, Scope Scope, string As, BoundTemplate Value) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "addField";
}
