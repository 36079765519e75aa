using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Generator.Binding;

/// <summary>The trigger.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">The event's fields.</param>
/// <param name="Event">The event it listens to.</param>
/// <param name="Payload">The event's payload type.</param>
public sealed record BoundTrigger(string Id, Scope Scope, FlowEvent Event, ObjectType Payload) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "event";
}
