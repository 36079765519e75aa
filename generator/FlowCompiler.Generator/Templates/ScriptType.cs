using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// The static type of a Scriban (sub)expression as <see cref="ScriptTypeChecker"/> infers it: a scope value's
/// type, a list (whose elements may be of unknown type), or one of the things an expression names on the way
/// (a builtin namespace, a function) or cannot know.
/// </summary>
internal abstract record ScriptType
{
    /// <summary>A value whose type is only known at run time (what a conditional of two kinds gives).</summary>
    public static readonly ScriptType Unknown = new UnknownScriptType();

    /// <summary>The <c>null</c> literal.</summary>
    public static readonly ScriptType Null = new NullScriptType();

    /// <summary>Scriban's <c>empty</c> and <c>blank</c>, compared with to test for emptiness.</summary>
    public static readonly ScriptType Empty = new EmptyScriptType();

    /// <summary>A part that already has an error: whatever uses it stays silent, so one mistake is reported once.</summary>
    public static readonly ScriptType Error = new ErrorScriptType();

    /// <summary>How the type is written in messages.</summary>
    public abstract string Display { get; }

    /// <summary>The type of a scope value: arrays become lists.</summary>
    public static ScriptType Of(FlowType type) => type switch
    {
        ArrayType array => new ListScriptType(Of(array.Element)),
        ErrorType => Error,
        _ => new ValueScriptType(type),
    };

    /// <summary>A scalar of <paramref name="kind"/>.</summary>
    public static ScriptType Scalar(ScalarKind kind, bool nullable = false) => new ValueScriptType(new ScalarType(kind, nullable));

    /// <summary>The scalar kind, when this is a scalar.</summary>
    public ScalarKind? Kind => this is ValueScriptType { Type: ScalarType scalar } ? scalar.Kind : null;

    /// <summary>Whether this is a number (<c>int</c> or <c>decimal</c>).</summary>
    public bool IsNumber => Kind is ScalarKind.Int or ScalarKind.Decimal;

    /// <summary>Whether nothing is known, or an error was reported already: checks accept it.</summary>
    public bool IsOpen => this is UnknownScriptType or ErrorScriptType or NullScriptType or EmptyScriptType;

    /// <summary>The flow type this stands for, when it is a value or a list of values; null when unknown.</summary>
    public FlowType? FlowType => this switch
    {
        ValueScriptType value => value.Type,
        ListScriptType { Element.FlowType: { } element } => new ArrayType(element),
        _ => null,
    };

    /// <summary>This type, nullable: what a step through a nullable object gives.</summary>
    public ScriptType AsNullable() => this switch
    {
        ValueScriptType { Type: ScalarType scalar } => new ValueScriptType(scalar with { IsNullable = true }),
        ValueScriptType { Type: ObjectType obj } => new ValueScriptType(obj with { IsNullable = true }),
        _ => this,
    };

    /// <summary>The type both branches of a conditional (or both sides of <c>??</c>) have in common.</summary>
    public static ScriptType Join(ScriptType a, ScriptType b)
    {
        if (a is ErrorScriptType || b is ErrorScriptType)
        {
            return Error;
        }

        if (a is NullScriptType)
        {
            return b.AsNullable();
        }

        if (b is NullScriptType)
        {
            return a.AsNullable();
        }

        if (a.Kind is { } ka && b.Kind is { } kb)
        {
            var nullable = ((ScalarType)a.FlowType!).IsNullable || ((ScalarType)b.FlowType!).IsNullable;
            if (ka == kb)
            {
                return Scalar(ka, nullable);
            }

            if (a.IsNumber && b.IsNumber)
            {
                return Scalar(ScalarKind.Decimal, nullable);
            }

            return Unknown;
        }

        if (a is ListScriptType la && b is ListScriptType lb)
        {
            return new ListScriptType(Join(la.Element, lb.Element));
        }

        return a == b ? a : Unknown;
    }
}

/// <summary>A value whose flow type is known: a scalar, an object or a map.</summary>
/// <param name="Type">Its type.</param>
internal sealed record ValueScriptType(FlowType Type) : ScriptType
{
    /// <inheritdoc />
    public override string Display => Type.Display;
}

/// <summary>A list: a scope array, or what an array function or a literal gives.</summary>
/// <param name="Element">The element type.</param>
internal sealed record ListScriptType(ScriptType Element) : ScriptType
{
    /// <inheritdoc />
    public override string Display => "array of " + Element.Display;
}

/// <summary>A builtin namespace such as <c>string</c>, which only holds functions.</summary>
/// <param name="Name">Its name.</param>
internal sealed record NamespaceScriptType(string Name) : ScriptType
{
    /// <inheritdoc />
    public override string Display => $"the function namespace {Name}";
}

/// <summary>An allowed builtin function, before it is called.</summary>
/// <param name="Function">The function.</param>
internal sealed record FunctionScriptType(ScriptFunction Function) : ScriptType
{
    /// <inheritdoc />
    public override string Display => "the function " + Function.FullName;
}

internal sealed record UnknownScriptType : ScriptType
{
    public override string Display => "a value of unknown type";
}

internal sealed record NullScriptType : ScriptType
{
    public override string Display => "null";
}

internal sealed record EmptyScriptType : ScriptType
{
    public override string Display => "empty";
}

internal sealed record ErrorScriptType : ScriptType
{
    public override string Display => "an expression with errors";
}
