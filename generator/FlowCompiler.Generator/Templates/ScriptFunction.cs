using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;
using Scriban.Functions;
using Scriban.Runtime;

namespace FlowCompiler.Generator.Templates;

/// <summary>What an argument of a builtin function must be.</summary>
internal enum ScriptParameterKind
{
    /// <summary>Text; numbers, booleans and datetimes convert to it.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A boolean (any scalar converts by truthiness).</summary>
    Bool,

    /// <summary>A datetime.</summary>
    DateTime,

    /// <summary>An array.</summary>
    List,

    /// <summary>Any value.</summary>
    Any,
}

/// <summary>A parameter of a builtin function.</summary>
/// <param name="Name">Its name in Scriban's documentation.</param>
/// <param name="Kind">What it accepts.</param>
internal readonly record struct ScriptParameter(string Name, ScriptParameterKind Kind);

/// <summary>
/// An allowed builtin function (<see cref="FlowScriptBuiltins"/>), described from Scriban's own metadata:
/// parameters and their CLR types, how many are required, what it returns.
/// </summary>
/// <param name="Namespace">The namespace, e.g. <c>string</c>.</param>
/// <param name="Name">The name, e.g. <c>upcase</c>.</param>
/// <param name="Parameters">Its parameters, the piped value first.</param>
/// <param name="Required">How many arguments it needs.</param>
/// <param name="Returns">Its result type when that does not depend on the arguments.</param>
internal sealed record ScriptFunction(string Namespace, string Name, ImmutableArray<ScriptParameter> Parameters, int Required, ScriptType Returns)
{
    // Scriban's own builtins: a name here that is not allowed is refused with its reason, any other name is unknown.
    private static readonly ScriptObject ScribanBuiltins = new BuiltinFunctions();

    private static readonly FrozenDictionary<string, ScriptFunction> Allowed =
        FlowScriptBuiltins.Functions.ToFrozenDictionary(f => f, Describe, StringComparer.Ordinal);

    /// <summary>The namespaces an expression may call functions from.</summary>
    public static FrozenSet<string> Namespaces { get; } =
        FlowScriptBuiltins.Functions.Select(f => f[..f.IndexOf('.', StringComparison.Ordinal)]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary><c>namespace.name</c>.</summary>
    public string FullName => Namespace + "." + Name;

    /// <summary>The allowed function, or null.</summary>
    public static ScriptFunction? Find(string ns, string name) => Allowed.GetValueOrDefault(ns + "." + name);

    /// <summary>The allowed functions of a namespace, for suggestions.</summary>
    public static IEnumerable<string> NamesIn(string ns) =>
        Allowed.Values.Where(f => f.Namespace == ns).Select(f => f.FullName).Order(StringComparer.Ordinal);

    /// <summary>Whether Scriban itself gives <paramref name="name"/> a meaning (a builtin namespace or function, <c>this</c>).</summary>
    public static bool IsScribanGlobal(string name) => name == "this" || ScribanBuiltins.ContainsKey(name);

    /// <summary>Why a Scriban builtin global (<c>include</c>, <c>object</c>…) is refused, or null when Scriban has no such global.</summary>
    public static string? RefusedGlobal(string name) => name switch
    {
        "include" or "include_join" => $"{name} loads another template, which a flow cannot do: a hole sees only its node's fields",
        "object" => "object.* inspects values by reflection or evaluates text as a template (object.eval); use ?? for a default and .size for a size",
        "timespan" => "timespan values are not supported; shift a datetime with date.add_days, date.add_hours…",
        _ when ScribanBuiltins.ContainsKey(name) => $"{name} is not available in flow templates",
        _ => null,
    };

    /// <summary>Why a Scriban builtin that is not allowed is refused, or null when Scriban has no such function.</summary>
    public static string? RefusedFunction(string ns, string name)
    {
        if (ScribanBuiltins[ns] is not ScriptObject functions || !functions.ContainsKey(name))
        {
            return null;
        }

        return (ns + "." + name) switch
        {
            "date.now" or "date.utc_now" => $"date.{name} reads the clock, so the same event would render differently each time; use the event's own datetimes (createdAt, register…)",
            "math.random" or "math.uuid" => $"math.{name} is random, so the same event would render differently each time",
            "array.each" or "array.filter" or "array.any" => $"array.{name} calls a function for each element; pick values with array.map \"field\" instead",
            "array.cycle" => "array.cycle keeps its position in the template context between renders",
            "date.format" or "date.default_format" => "the date format is a setting of the template context, not a function; format with date.to_string \"%Y-%m-%d\"",
            var full => $"{full} is not available in flow templates",
        };
    }

    private static ScriptFunction Describe(string fullName)
    {
        var dot = fullName.IndexOf('.', StringComparison.Ordinal);
        var (ns, name) = (fullName[..dot], fullName[(dot + 1)..]);
        var function = FlowScriptBuiltins.Find(ns, name) ?? throw new InvalidOperationException($"No builtin {fullName}.");
        var parameters = ImmutableArray.CreateBuilder<ScriptParameter>(function.ParameterCount);
        for (var i = 0; i < function.ParameterCount; i++)
        {
            var info = function.GetParameterInfo(i);
            parameters.Add(new ScriptParameter(info.Name, KindOverride(fullName, i) ?? KindOf(info.ParameterType)));
        }

        return new ScriptFunction(ns, name, parameters.MoveToImmutable(), function.RequiredParameterCount, ReturnOverride(fullName) ?? TypeOf(function.ReturnType));
    }

    // Where Scriban declares object but means something narrower.
    private static ScriptParameterKind? KindOverride(string fullName, int index) => (fullName, index) switch
    {
        ("array.map" or "array.sort", 0) => ScriptParameterKind.List,
        ("math.abs" or "math.plus" or "math.minus" or "math.times" or "math.modulo" or "math.divided_by", _) => ScriptParameterKind.Number,
        _ => null,
    };

    private static ScriptType? ReturnOverride(string fullName) => fullName switch
    {
        "string.to_int" or "string.to_long" => ScriptType.Scalar(ScalarKind.Int, nullable: true),
        "string.to_double" or "string.to_float" => ScriptType.Scalar(ScalarKind.Decimal, nullable: true),
        "string.split" or "regex.split" or "regex.match" => new ListScriptType(ScriptType.Scalar(ScalarKind.String)),
        "regex.matches" => new ListScriptType(new ListScriptType(ScriptType.Scalar(ScalarKind.String))),
        _ => null,
    };

    private static ScriptParameterKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => ScriptParameterKind.Text,
            _ when type == typeof(bool) => ScriptParameterKind.Bool,
            _ when type == typeof(DateTime) => ScriptParameterKind.DateTime,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal) => ScriptParameterKind.Number,
            _ when typeof(IEnumerable).IsAssignableFrom(type) => ScriptParameterKind.List,
            _ => ScriptParameterKind.Any,
        };
    }

    private static ScriptType TypeOf(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => ScriptType.Scalar(ScalarKind.String),
            _ when type == typeof(bool) => ScriptType.Scalar(ScalarKind.Bool, nullable),
            _ when type == typeof(DateTime) => ScriptType.Scalar(ScalarKind.DateTime, nullable),
            _ when type == typeof(int) || type == typeof(long) => ScriptType.Scalar(ScalarKind.Int, nullable),
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => ScriptType.Scalar(ScalarKind.Decimal, nullable),
            _ when typeof(IEnumerable).IsAssignableFrom(type) => new ListScriptType(ScriptType.Unknown),
            _ => ScriptType.Unknown,
        };
    }
}
