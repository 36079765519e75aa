namespace FlowCompiler.Generator.Binding;

/// <summary>A constant parsed at compile time into the field's type.</summary>
/// <param name="Value">A <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/>, <see cref="bool"/> or UTC <see cref="DateTime"/>.</param>
/// <param name="Kind">The scalar kind the value was parsed as.</param>
/// <param name="Source">The value as written.</param>
public sealed record ConstantOperand(object Value, ScalarKind Kind, string Source) : FilterOperand;
