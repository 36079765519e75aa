using System.Collections.Immutable;

namespace FlowCompiler.Generator.Model;

/// <summary>One parameter a node type defines.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Kinds">JSON kinds it accepts.</param>
/// <param name="Role">How its value is read.</param>
/// <param name="Required">Whether the reader reports it missing (<c>modifyServer</c> values are checked per action by the binder).</param>
public sealed record ParameterSpec(string Name, ParameterKinds Kinds, ParameterRole Role, bool Required)
{
    /// <summary>What the parameter is, in a sentence for editors (the JSON Schema's description).</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// The words a <see cref="ParameterRole.Choice"/> allows, in the order messages list them; empty where another
    /// catalog decides (tables, server actions) or the value is free (a media type).
    /// </summary>
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>The smallest whole number a literal value may be, for a number-or-template id (null: no such rule).</summary>
    public int? Minimum { get; init; }
}
