using System.Text.RegularExpressions;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Runtime.Execution;
using Scriban.Syntax;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Calls of builtin functions, written <c>f a b</c> or piped <c>a | f b</c> (the piped value is the first
/// argument): the function must be allowed, get as many arguments as it takes, each of a kind it accepts;
/// its result type may depend on them (<c>array.map "amount"</c> on charges is a list of decimals).
/// </summary>
internal sealed partial class ScriptTypeChecker
{
    private readonly record struct Argument(ScriptType Type, ScriptNode Node);

    /// <inheritdoc />
    public override ScriptType Visit(ScriptFunctionCall node) => Call(node, node.Target, [], node.Arguments);

    /// <inheritdoc />
    public override ScriptType Visit(ScriptPipeCall node)
    {
        var from = Value(node.From);
        return node.From is null ? ScriptType.Error : Pipe(new Argument(from, node.From), node.To);
    }

    // Scriban nests a | f | g as a | (f | g): the value flows into f, f's result into g.
    private ScriptType Pipe(Argument input, ScriptExpression? to) => to switch
    {
        ScriptPipeCall inner when inner.From is not null => Pipe(new Argument(Pipe(input, inner.From), inner.From), inner.To),
        ScriptFunctionCall call => Call(call, call.Target, [input], call.Arguments),
        ScriptMemberExpression or ScriptVariableGlobal => Call(to, to, [input], []),
        _ => Problem(DiagnosticCodes.TemplateFunction, $"{Text(to)} after '|' is not a function; pipe into one such as string.upcase."),
    };

    private ScriptType Call(ScriptNode node, ScriptExpression? target, List<Argument> piped, IEnumerable<ScriptExpression> arguments)
    {
        var callee = Visit(target) ?? ScriptType.Error;
        if (callee is not FunctionScriptType { Function: var function })
        {
            return callee is ErrorScriptType
                ? callee
                : Problem(DiagnosticCodes.TemplateFunction,
                    $"{Text(node)} calls {Text(target)}, which is {callee.Display}, not a function; functions are string.*, math.*, date.*, array.*, html.* and regex.* (and && / || combine conditions).");
        }

        var all = piped.Concat(arguments.Select(a => new Argument(Value(a), a))).ToList();
        if (all.Any(a => a.Type is ErrorScriptType))
        {
            return ScriptType.Error;
        }

        if (all.Count < function.Required || all.Count > function.Parameters.Length)
        {
            var given = piped.Count > 0 ? $"{all.Count} (the piped value counts as the first)" : all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(DiagnosticCodes.TemplateFunction,
                $"{Text(node)}: {function.FullName} takes {Arguments(function)}, here it gets {given}; e.g. {{{{ value | {function.FullName}{Example(function, 1)} }}}}.");
        }

        for (var i = 0; i < all.Count; i++)
        {
            var parameter = function.Parameters[i];
            if (!Accepts(parameter.Kind, all[i].Type))
            {
                return Incompatible($"{Text(node)}: {function.FullName} needs {KindText(parameter.Kind)} as its {parameter.Name}, but {Text(all[i].Node)} is {all[i].Type.Display}.{ArgumentHint(parameter.Kind, all[i].Type)}");
            }
        }

        return Result(node, function, all);
    }

    // What a function gives when that depends on its arguments; otherwise its declared result.
    private ScriptType Result(ScriptNode node, ScriptFunction function, List<Argument> arguments)
    {
        var first = arguments.Count > 0 ? arguments[0].Type : ScriptType.Unknown;
        switch (function.FullName)
        {
            case "math.abs":
                return first.IsNumber ? first : ScriptType.Scalar(ScalarKind.Decimal);
            case "math.plus" or "math.minus" or "math.times" or "math.modulo" or "math.divided_by":
                return Number(first, arguments[1].Type);
            case "array.first" or "array.last":
                return first is ListScriptType list ? list.Element.AsNullable() : ScriptType.Unknown;
            case "array.map":
                return Map(first, arguments[0], arguments[1]);
            case "array.sort":
                if (arguments.Count > 1)
                {
                    Map(first, arguments[0], arguments[1]);
                }

                return first is ListScriptType ? first : new ListScriptType(ScriptType.Unknown);
            case "array.uniq" or "array.reverse" or "array.compact" or "array.limit" or "array.offset"
                or "array.remove_at" or "array.add" or "array.insert_at":
                return first is ListScriptType ? first : new ListScriptType(ScriptType.Unknown);
            case "array.add_range" or "array.concat":
                return ScriptType.Join(first, arguments[1].Type) is ListScriptType joined ? joined : new ListScriptType(ScriptType.Unknown);
            case "array.join" when first is ListScriptType { Element: var element } && !(element.Kind is not null || element.IsOpen):
                return Incompatible($"{Text(node)} joins {first.Display}; join values, not objects: pick a field first with array.map \"field\".");
            case "regex.match" or "regex.matches" or "regex.replace" or "regex.split":
                CheckPattern(arguments[1]);
                return function.Returns;
            default:
                return function.Returns;
        }
    }

    // array.map "amount": the member must be a field of the elements; its type is the result's element type.
    private ScriptType Map(ScriptType list, Argument source, Argument member)
    {
        if (list is not ListScriptType { Element: var element } || member.Node is not ScriptLiteral { Value: string name })
        {
            return new ListScriptType(ScriptType.Unknown);
        }

        var field = Member(element, name, Text(source.Node), asPath: false);
        return field is ErrorScriptType ? field : new ListScriptType(field);
    }

    private void CheckPattern(Argument pattern)
    {
        if (pattern.Node is ScriptLiteral { Value: string text })
        {
            try
            {
                _ = new Regex(text, RegexOptions.None, FlowScript.RegexTimeout);
            }
            catch (ArgumentException e)
            {
                Problem(DiagnosticCodes.InvalidRegex, $"\"{text}\" is not a valid .NET regular expression: {e.Message}");
            }
        }
    }

    private static bool Accepts(ScriptParameterKind kind, ScriptType type)
    {
        if (type.IsOpen)
        {
            return true;
        }

        return kind switch
        {
            ScriptParameterKind.Text or ScriptParameterKind.Bool => type.Kind is not null,
            ScriptParameterKind.Number => type.IsNumber,
            ScriptParameterKind.DateTime => type.Kind == ScalarKind.DateTime,
            ScriptParameterKind.List => type is ListScriptType,
            _ => type is ValueScriptType or ListScriptType,
        };
    }

    private static string KindText(ScriptParameterKind kind) => kind switch
    {
        ScriptParameterKind.Text => "text",
        ScriptParameterKind.Number => "a number",
        ScriptParameterKind.Bool => "true or false",
        ScriptParameterKind.DateTime => "a datetime",
        ScriptParameterKind.List => "an array",
        _ => "a value",
    };

    private static string ArgumentHint(ScriptParameterKind kind, ScriptType type) => (kind, type) switch
    {
        (ScriptParameterKind.Number, { Kind: ScalarKind.String }) => " Convert it with string.to_int or string.to_double first.",
        (ScriptParameterKind.DateTime, { Kind: ScalarKind.String }) => " Read it with date.parse first.",
        (ScriptParameterKind.List, { Kind: ScalarKind.String }) => " For its length use string.size; to cut it into a list use string.split.",
        (_, ListScriptType) => " Pick one element with [0] or array.first, or join them with array.join \", \".",
        (_, ValueScriptType { Type: ObjectType }) => " Pass one of its fields instead.",
        _ => "",
    };

    private static string Arguments(ScriptFunction function)
    {
        var count = function.Required == function.Parameters.Length
            ? $"{function.Required}"
            : $"{function.Required} to {function.Parameters.Length}";
        return $"{count} argument{(function.Parameters.Length == 1 ? "" : "s")} ({string.Join(", ", function.Parameters.Select(p => p.Name))})";
    }

    // The arguments after the piped one, as placeholders: date.to_string "…".
    private static string Example(ScriptFunction function, int piped) =>
        string.Concat(function.Parameters.Take(function.Required).Skip(piped).Select(p => p.Kind switch
        {
            ScriptParameterKind.Number => " 1",
            ScriptParameterKind.Text => " \"…\"",
            _ => " " + p.Name,
        }));
}
