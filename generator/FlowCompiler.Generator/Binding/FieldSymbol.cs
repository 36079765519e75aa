namespace FlowCompiler.Generator.Binding;

/// <summary>A named field of an object type.</summary>
/// <param name="Name">The name flows use (<c>createdAt</c>, <c>in_use</c>).</param>
/// <param name="Type">Its type.</param>
/// <param name="ClrName">The runtime property that holds it, or null for generated REST shapes.</param>
/// <param name="IsSensitive">Whether sending it out of the panel deserves a warning.</param>
public sealed record FieldSymbol(string Name, FlowType Type, string? ClrName, bool IsSensitive);
