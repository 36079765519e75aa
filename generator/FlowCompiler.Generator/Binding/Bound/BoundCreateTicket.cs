using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Opens a ticket with its first message.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Title">Title template.</param>
/// <param name="Priority">low, medium, high or urgent.</param>
/// <param name="CreatorId">Creator template, parsed as an int at run time.</param>
/// <param name="Content">First message template.</param>
/// <param name="As">The field exposing <c>{ id }</c>, or null.</param>
/// <param name="Output">The output type when <paramref name="As"/> is set.</param>
public sealed record BoundCreateTicket(
    string Id, Scope Scope, BoundTemplate Title, string Priority, BoundTemplate CreatorId, BoundTemplate Content, string? As, ObjectType Output)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "createTicket";
}
