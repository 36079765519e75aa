using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Templates;

/// <summary>A template whose holes are resolved, typed and assigned their escaping.</summary>
/// <param name="Source">The template text as written.</param>
/// <param name="Segments">Literal text and holes, in order.</param>
public sealed record BoundTemplate(string Source, ImmutableArray<BoundSegment> Segments)
{
    /// <summary>Whether the template is plain text without holes.</summary>
    public bool IsConstant => Segments.All(s => s is LiteralSegment);

    /// <summary>The literal length, a lower bound for the rendered length.</summary>
    public int LiteralLength => Segments.OfType<LiteralSegment>().Sum(s => s.Text.Length);
}

/// <summary>One piece of a bound template.</summary>
public abstract record BoundSegment;

/// <summary>Text copied as it is.</summary>
/// <param name="Text">The text.</param>
public sealed record LiteralSegment(string Text) : BoundSegment;

/// <summary>A field path hole, rendered per spec §4 and escaped with <paramref name="Escape"/>.</summary>
/// <param name="Path">The resolved path.</param>
/// <param name="Escape">How the value is escaped.</param>
public sealed record FieldSegment(BoundPath Path, HoleEscape Escape) : BoundSegment;

/// <summary>A Scriban expression hole, rendered by a precompiled Scriban template.</summary>
/// <param name="Code">The expression.</param>
/// <param name="Escape">How the rendered text is escaped.</param>
/// <param name="Variables">The top-level names the expression reads, in first-use order.</param>
/// <param name="Type">The expression's static type (a scalar or an array of scalars), or null when only the run knows it.</param>
/// <param name="ReadsSensitive">Whether the expression reads a sensitive field.</param>
public sealed record ScriptSegment(string Code, HoleEscape Escape, ImmutableArray<ScopeVariable> Variables, FlowType? Type, bool ReadsSensitive) : BoundSegment
{
    /// <summary>
    /// The JSON value the hole renders as in JSON value position (spec §4): a number, boolean or list of them
    /// where the type says so; anything else, a type not known included, is a JSON string (which stays valid).
    /// </summary>
    public ScriptJsonType JsonType => Type switch
    {
        ScalarType { IsNumeric: true } => ScriptJsonType.Number,
        ScalarType { Kind: ScalarKind.Bool } => ScriptJsonType.Boolean,
        ArrayType { Element: ScalarType { IsNumeric: true } } => ScriptJsonType.NumberArray,
        ArrayType { Element: ScalarType { Kind: ScalarKind.Bool } } => ScriptJsonType.BooleanArray,
        ArrayType => ScriptJsonType.StringArray,
        _ => ScriptJsonType.String,
    };
}
