using System.Collections.Immutable;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// A field path resolved against a scope. Evaluation starts at <see cref="Root"/> (or at the element a
/// filter narrowed to, when <see cref="Narrowing"/> is set) and follows <see cref="Steps"/>; a step from
/// an array applies to every element, a step from null gives null.
/// </summary>
/// <param name="Text">The path as written, e.g. <c>charges.amount</c>.</param>
/// <param name="Root">The top-level name.</param>
/// <param name="Narrowing">The narrowed array the path starts inside, or null.</param>
/// <param name="Steps">Fields after the root (or after the narrowed array).</param>
/// <param name="Type">The type at the end of the path, per element when <see cref="IsMany"/>; an
/// <see cref="ArrayType"/> when the path ends at an array.</param>
/// <param name="IsMany">Whether the path passes through an array before its end and so yields several values.</param>
/// <param name="FirstArrayStep">Steps taken before the first array value (0: the start value is the array), or -1.</param>
/// <param name="IsSensitive">Whether any field on the path is sensitive.</param>
/// <param name="FirstArray">The first array the path passes through, or null.</param>
public sealed record BoundPath(
    string Text,
    ScopeVariable Root,
    Narrowing? Narrowing,
    ImmutableArray<FieldSymbol> Steps,
    FlowType Type,
    bool IsMany,
    int FirstArrayStep,
    bool IsSensitive,
    ArrayType? FirstArray)
{
    /// <summary>The scalar type at the end of the path, or null when it ends at an object, array or map.</summary>
    public ScalarType? Scalar => Type as ScalarType;
}
