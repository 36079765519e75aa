namespace FlowCompiler.Generator.Binding;

/// <summary>Another field, from a value that is a single hole.</summary>
/// <param name="Path">The other field.</param>
public sealed record FieldOperand(BoundPath Path) : FilterOperand;
