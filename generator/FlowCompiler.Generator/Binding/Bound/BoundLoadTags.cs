namespace FlowCompiler.Generator.Binding;

/// <summary>Loads the tags of a server or user.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="ResourceType"><c>server</c> or <c>user</c>.</param>
/// <param name="Input">The field holding the resource id.</param>
/// <param name="As">The new field.</param>
/// <param name="TagType">The type of one tag.</param>
public sealed record BoundLoadTags(string Id, Scope Scope, string ResourceType, BoundPath Input, string As, ObjectType TagType)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "loadTags";
}
