using System.Collections.Immutable;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// A node parameter as written in the document. The JSON kind is kept so export writes back exactly
/// what was read (<c>"tag": 120</c> stays a number, <c>"tag": "{{vlan.id}}"</c> stays a string).
/// </summary>
public abstract record ParameterValue
{
    /// <summary>The value as template or literal text; numbers keep their JSON spelling.</summary>
    public abstract string Text { get; }
}

/// <summary>A JSON string: free text, a template, or a choice such as an operation.</summary>
/// <param name="Value">The string.</param>
public sealed record StringParameter(string Value) : ParameterValue
{
    /// <inheritdoc />
    public override string Text => Value;
}

/// <summary>A JSON number, kept as its literal spelling so export is byte-identical.</summary>
/// <param name="Literal">The number exactly as it appeared in the JSON.</param>
public sealed record NumberParameter(string Literal) : ParameterValue
{
    /// <inheritdoc />
    public override string Text => Literal;
}

/// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
/// <param name="Value">The flag.</param>
public sealed record BoolParameter(bool Value) : ParameterValue
{
    /// <inheritdoc />
    public override string Text => Value ? "true" : "false";
}

/// <summary>A JSON object of strings, such as HTTP headers; entries keep document order.</summary>
/// <param name="Entries">Name and template of each entry.</param>
public sealed record MapParameter(ImmutableArray<KeyValuePair<string, string>> Entries) : ParameterValue
{
    /// <inheritdoc />
    public override string Text => string.Join(", ", Entries.Select(e => e.Key + ": " + e.Value));
}

/// <summary>Arbitrary JSON (a REST <c>exampleResponse</c>), kept as compact JSON text.</summary>
/// <param name="Json">The value serialized without indentation.</param>
public sealed record JsonParameter(string Json) : ParameterValue
{
    /// <inheritdoc />
    public override string Text => Json;
}
