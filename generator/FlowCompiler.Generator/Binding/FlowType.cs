using System.Collections.Immutable;

namespace FlowCompiler.Generator.Binding;

/// <summary>The type of a field in a node's scope (spec §3).</summary>
public abstract record FlowType
{
    /// <summary>How the type is written in messages and generated comments (<c>int?</c>, <c>array of tag</c>).</summary>
    public abstract string Display { get; }
}

/// <summary>The scalar kinds of spec §3.</summary>
public enum ScalarKind
{
    /// <summary>A whole number.</summary>
    Int,

    /// <summary>A decimal number (money).</summary>
    Decimal,

    /// <summary>Text.</summary>
    String,

    /// <summary>True or false.</summary>
    Bool,

    /// <summary>A UTC point in time.</summary>
    DateTime,
}

/// <summary>A scalar, possibly nullable.</summary>
/// <param name="Kind">Which scalar.</param>
/// <param name="IsNullable">Whether null is a possible value.</param>
public sealed record ScalarType(ScalarKind Kind, bool IsNullable) : FlowType
{
    /// <inheritdoc />
    public override string Display => Kind switch
    {
        ScalarKind.Int => "int",
        ScalarKind.Decimal => "decimal",
        ScalarKind.String => "string",
        ScalarKind.Bool => "bool",
        _ => "datetime",
    } + (IsNullable ? "?" : "");

    /// <summary>Whether values of this kind can be ordered with <c>&lt;</c> and <c>&gt;</c>.</summary>
    public bool IsOrdered => Kind is ScalarKind.Int or ScalarKind.Decimal or ScalarKind.DateTime;

    /// <summary>Whether this is a number.</summary>
    public bool IsNumeric => Kind is ScalarKind.Int or ScalarKind.Decimal;
}

/// <summary>
/// An object: an event payload, a table row, an enricher's output, or a REST response shape.
/// </summary>
/// <param name="Name">A name for messages and generated types (<c>server</c>, <c>users row</c>).</param>
/// <param name="Fields">Fields in declaration order.</param>
/// <param name="ClrType">The runtime class that holds it, or null for REST shapes the emitter generates.</param>
/// <param name="IsNullable">Whether the object itself may be null (a <c>dbJoin</c> by id that finds no row).</param>
public sealed record ObjectType(string Name, ImmutableArray<FieldSymbol> Fields, Type? ClrType, bool IsNullable) : FlowType
{
    /// <inheritdoc />
    public override string Display => Name + (IsNullable ? "?" : "");

    /// <summary>Finds a field by exact name.</summary>
    public FieldSymbol? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }
}

/// <summary>An array of objects or scalars.</summary>
/// <param name="Element">The element type.</param>
public sealed record ArrayType(FlowType Element) : FlowType
{
    /// <inheritdoc />
    public override string Display => "array of " + Element.Display;
}

/// <summary>A string-to-string map (a package's <c>meta</c>); any key resolves to <c>string?</c>.</summary>
public sealed record MapType : FlowType
{
    /// <summary>The one map type.</summary>
    public static MapType Instance { get; } = new();

    /// <inheritdoc />
    public override string Display => "map of string";
}

/// <summary>
/// The output of a node that failed to bind. Paths through it resolve silently to nothing, so one
/// mistake is reported once and not again at every node below.
/// </summary>
public sealed record ErrorType : FlowType
{
    /// <summary>The one error type.</summary>
    public static ErrorType Instance { get; } = new();

    /// <inheritdoc />
    public override string Display => "unknown (its node has errors)";
}
