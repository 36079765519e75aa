using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Runtime.Execution;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Infers the static type of a Scriban expression over a node's scope, and reports what would fail at run
/// time: unknown names and members (with suggestions), functions that are not on the allow-list or get the
/// wrong arguments, operands of the wrong type. Every syntax node it does not know is refused, so the
/// language a hole may use is exactly what this class accepts.
/// </summary>
internal sealed partial class ScriptTypeChecker : ScriptVisitor<ScriptType>
{
    private readonly string _source;
    private readonly Scope _scope;
    private readonly List<ScriptProblem> _problems = [];
    private readonly List<ScopeVariable> _variables = [];
    private readonly List<string> _hints = [];

    /// <param name="source">The parsed text, <c>{{ code }}</c>: node spans point into it.</param>
    /// <param name="scope">The node's scope.</param>
    public ScriptTypeChecker(string source, Scope scope)
    {
        _source = source;
        _scope = scope;
    }

    /// <summary>One thing wrong with the expression.</summary>
    /// <param name="Code">The diagnostic code.</param>
    /// <param name="Message">What is wrong and what to write instead.</param>
    public readonly record struct ScriptProblem(DiagnosticCode Code, string Message);

    /// <summary>What is wrong, each message followed by the hints the expression called for.</summary>
    public ImmutableArray<ScriptProblem> Problems =>
        [.. _problems.Select(p => p with { Message = string.Concat(p.Message, string.Concat(_hints.Distinct().Select(h => " " + h))) })];

    /// <summary>The scope names the expression reads, in first-use order.</summary>
    public ImmutableArray<ScopeVariable> Variables => [.. _variables];

    /// <summary>Whether the expression reads a sensitive field.</summary>
    public bool ReadsSensitive { get; private set; }

    /// <summary>The type of a whole expression, as the hole renders it.</summary>
    public ScriptType Check(ScriptExpression expression) => Value(expression);

    /// <inheritdoc />
    public override ScriptType Visit(ScriptVariableGlobal node)
    {
        var name = node.Name;
        if (_scope.Find(name) is { } variable)
        {
            if (!_variables.Contains(variable))
            {
                _variables.Add(variable);
            }

            ReadsSensitive |= variable.Field?.IsSensitive == true;
            return ScriptType.Of(NarrowedType(variable));
        }

        if (ScriptFunction.Namespaces.Contains(name))
        {
            return new NamespaceScriptType(name);
        }

        if (name is "empty" or "blank")
        {
            return ScriptType.Empty;
        }

        if (ScriptFunction.RefusedGlobal(name) is { } reason)
        {
            return Refuse(reason + ".");
        }

        var suggestion = NameSuggester.Closest(name, _scope.Variables.Select(v => v.Name).Concat(ScriptFunction.Namespaces));
        return Problem(DiagnosticCodes.TemplateUnknownVariable,
            $"\"{name}\" is not in scope{NameSuggester.DidYouMean(suggestion)}. Fields here: {PathBinder.ListFields(_scope)}.");
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptMemberExpression node)
    {
        var target = Visit(node.Target) ?? ScriptType.Error;
        var name = node.Member?.Name ?? "";
        var result = Member(target, name, Text(node.Target));
        return node.DotToken.TokenType == TokenType.QuestionDot ? result.AsNullable() : result;
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptIsEmptyExpression node)
    {
        Value(node.Target);
        return ScriptType.Scalar(ScalarKind.Bool);
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptIndexerExpression node)
    {
        var target = Value(node.Target);
        var index = Value(node.Index);
        switch (target)
        {
            case { IsOpen: true }:
                return target is ErrorScriptType ? target : ScriptType.Unknown;
            case ListScriptType list when index.IsNumber || index.IsOpen:
                return list.Element.AsNullable();
            case ValueScriptType { Type: MapType }:
                return ScriptType.Scalar(ScalarKind.String, nullable: true);
            case ValueScriptType { Type: ObjectType } when node.Index is ScriptLiteral { Value: string field }:
                return Member(target, field, Text(node.Target));
            case ValueScriptType { Type: ScalarType { Kind: ScalarKind.String } } when index.IsNumber || index.IsOpen:
                return ScriptType.Scalar(ScalarKind.String, nullable: true);
            case ValueScriptType { Type: ObjectType }:
                return Incompatible($"{Text(node)} indexes the object {Text(node.Target)} with {index.Display}; name a field in quotes, e.g. {Text(node.Target)}[\"id\"], or write {Text(node.Target)}.id.");
            default:
                return Incompatible($"{Text(node)} indexes {Text(node.Target)}, which is {target.Display}; only arrays (by number), maps and objects (by a name in quotes) and strings (by number) have elements.");
        }
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptLiteral node) => node.Value switch
    {
        null => ScriptType.Null,
        string => ScriptType.Scalar(ScalarKind.String),
        bool => ScriptType.Scalar(ScalarKind.Bool),
        int or long or System.Numerics.BigInteger => ScriptType.Scalar(ScalarKind.Int),
        _ => ScriptType.Scalar(ScalarKind.Decimal),
    };

    /// <inheritdoc />
    public override ScriptType Visit(ScriptNestedExpression node) => Value(node.Expression);

    /// <inheritdoc />
    public override ScriptType Visit(ScriptInterpolatedStringExpression node)
    {
        foreach (var part in node.Parts)
        {
            Value(part);
        }

        return ScriptType.Scalar(ScalarKind.String);
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptInterpolatedExpression node) => Value(node.Expression);

    /// <inheritdoc />
    public override ScriptType Visit(ScriptArrayInitializerExpression node)
    {
        ScriptType? element = null;
        foreach (var value in node.Values)
        {
            var type = Value(value);
            element = element is null ? type : ScriptType.Join(element, type);
        }

        return new ListScriptType(element ?? ScriptType.Unknown);
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptConditionalExpression node)
    {
        Value(node.Condition);
        return ScriptType.Join(Value(node.ThenValue), Value(node.ElseValue));
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptUnaryExpression node)
    {
        switch (node.Operator)
        {
            case ScriptUnaryOperator.Not:
                Value(node.Right);
                return ScriptType.Scalar(ScalarKind.Bool);
            case ScriptUnaryOperator.Negate or ScriptUnaryOperator.Plus:
                var operand = Value(node.Right);
                return operand.IsNumber || operand.IsOpen
                    ? operand
                    : Incompatible($"{Text(node)} negates {Text(node.Right)}, which is {operand.Display}, not a number.");
            case ScriptUnaryOperator.FunctionAlias:
                return Refuse($"{Text(node)} passes a function as a value (@); call functions directly, e.g. {{{{ name | string.upcase }}}}.");
            default:
                return DefaultVisit(node);
        }
    }

    /// <inheritdoc />
    public override ScriptType Visit(ScriptThisExpression node) =>
        Refuse("this reads the template context itself; name the fields you need instead.");

    /// <summary>Anything not handled above is outside the expression language a hole may use.</summary>
    protected override ScriptType DefaultVisit(ScriptNode? node) => node switch
    {
        null => ScriptType.Error,
        ScriptAssignExpression => Refuse($"{Text(node)} would assign a variable; a hole only reads its node's fields and cannot change state."),
        ScriptIncrementDecrementExpression => Refuse($"{Text(node)} would change a variable; a hole only reads its node's fields."),
        ScriptVariableLocal => Refuse($"{Text(node)} is a local or loop variable; a hole has none, it reads its node's fields by name."),
        ScriptAnonymousFunction => Refuse($"{Text(node)} defines a function; a hole is one expression over its node's fields."),
        ScriptObjectInitializerExpression => Refuse($"{Text(node)} builds an object, which a template cannot insert; insert its fields one by one."),
        ScriptNamedArgument => Refuse($"{Text(node)} is a named argument; pass the arguments in order."),
        _ => Refuse($"{Text(node)} ({ScriptSyntaxAttribute.Get(node)?.TypeName ?? node.GetType().Name}) is not allowed in a flow template expression."),
    };

    /// <summary>The type an expression has where a value is used: a function named without arguments is called.</summary>
    private ScriptType Value(ScriptNode? node)
    {
        var type = Visit(node) ?? ScriptType.Error;
        switch (type)
        {
            case FunctionScriptType { Function: var function }:
                return function.Required == 0
                    ? function.Returns
                    : Problem(DiagnosticCodes.TemplateFunction, $"{Text(node)} needs {Arguments(function)}; write e.g. {{{{ value | {function.FullName}{Example(function, 1)} }}}}.");
            case NamespaceScriptType space:
                return Problem(DiagnosticCodes.TemplateFunction, $"{space.Name} is a namespace of functions, not a value; call one of them, e.g. {ScriptFunction.NamesIn(space.Name).First()}.");
            default:
                return type;
        }
    }

    // A member of a value; walked names the value in messages, and with asPath a suggestion is a whole path.
    private ScriptType Member(ScriptType target, string name, string walked, bool asPath = true)
    {
        switch (target)
        {
            case ErrorScriptType:
                return target;
            case UnknownScriptType:
                return ScriptType.Unknown;
            case NamespaceScriptType space:
                if (ScriptFunction.Find(space.Name, name) is { } function)
                {
                    return new FunctionScriptType(function);
                }

                if (ScriptFunction.RefusedFunction(space.Name, name) is { } reason)
                {
                    return Refuse(reason + ".");
                }

                var suggestion = NameSuggester.Closest(space.Name + "." + name, ScriptFunction.NamesIn(space.Name));
                return Problem(DiagnosticCodes.TemplateFunction,
                    $"{space.Name} has no function \"{name}\"{NameSuggester.DidYouMean(suggestion)}. Functions of {space.Name}: {string.Join(", ", ScriptFunction.NamesIn(space.Name))}.");
            case ValueScriptType { Type: ObjectType obj }:
                if (obj.Find(name) is { } field)
                {
                    ReadsSensitive |= field.IsSensitive;
                    var type = ScriptType.Of(field.Type);
                    return obj.IsNullable ? type.AsNullable() : type;
                }

                var names = obj.Fields.Select(f => f.Name).ToList();
                var closest = NameSuggester.Closest(name, names);
                return Problem(DiagnosticCodes.UnknownField,
                    $"unknown field \"{name}\" in \"{walked}\" ({obj.Name}){NameSuggester.DidYouMean(closest is null || !asPath ? closest : walked + "." + closest)}. Fields of {walked}: {string.Join(", ", names)}.");
            case ValueScriptType { Type: MapType }:
                return ScriptType.Scalar(ScalarKind.String, nullable: true);
            case ListScriptType list:
                if (name == "size")
                {
                    return ScriptType.Scalar(ScalarKind.Int);
                }

                var hint = list.Element is ValueScriptType { Type: ObjectType element } && element.Find(name) is not null
                    ? $" Write {walked} | array.map \"{name}\" for every {name} (then, e.g., | array.join \", \"), or {walked}[0].{name} for the first one's."
                    : " An array has only .size; pick elements with [0] or array.first.";
                return Incompatible($"\"{walked}.{name}\": {walked} is {list.Display}, and inside an expression an array has no fields (a plain {{{{{walked}.{name}}}}} hole lists them all).{hint}");
            case ValueScriptType { Type: ScalarType { Kind: ScalarKind.String } }:
                return name == "size"
                    ? ScriptType.Scalar(ScalarKind.Int)
                    : Problem(DiagnosticCodes.UnknownField, $"\"{walked}\" is a string and has no field \"{name}\"; a string has only .size (or use string.* functions).");
            case ValueScriptType { Type: ScalarType { Kind: ScalarKind.DateTime } datetime }:
                var members = FlowScriptBuiltins.DateTimeMembers.Select(StandardMemberRenamer.Rename).Order(StringComparer.Ordinal).ToList();
                return members.Contains(name)
                    ? ScriptType.Scalar(ScalarKind.Int, datetime.IsNullable)
                    : Problem(DiagnosticCodes.UnknownField,
                        $"\"{walked}\" is a datetime and has no field \"{name}\"{NameSuggester.DidYouMean(NameSuggester.Closest(name, members))}. Datetime fields: {string.Join(", ", members)}; format it with date.to_string \"%Y-%m-%d\".");
            default:
                return Problem(DiagnosticCodes.UnknownField, $"\"{walked}\" is {target.Display} and has no field \"{name}\".");
        }
    }

    // What a scope name holds here: below a filter that narrowed an array, that array is its matching element.
    private FlowType NarrowedType(ScopeVariable variable)
    {
        var type = variable.Type;
        foreach (var narrowing in _scope.Narrowings.Where(n => n.Root == variable.Name))
        {
            type = Replace(type, narrowing.Prefix, narrowing.Element);
        }

        return type;
    }

    private static FlowType Replace(FlowType type, ImmutableArray<string> prefix, FlowType element)
    {
        if (prefix.IsEmpty)
        {
            return element;
        }

        return type is ObjectType obj
            ? obj with { Fields = [.. obj.Fields.Select(f => f.Name == prefix[0] ? f with { Type = Replace(f.Type, prefix[1..], element) } : f)] }
            : type;
    }

    private ScriptType Problem(DiagnosticCode code, string message)
    {
        _problems.Add(new ScriptProblem(code, message));
        return ScriptType.Error;
    }

    private ScriptType Refuse(string message) => Problem(DiagnosticCodes.TemplateNotAllowed, message);

    private ScriptType Incompatible(string message) => Problem(DiagnosticCodes.IncompatibleType, message);

    private void Hint(string hint) => _hints.Add(hint);

    // The source text of a node; Scriban leaves the span of some calls empty, so then it is printed.
    private string Text(ScriptNode? node)
    {
        if (node is null)
        {
            return "";
        }

        var (start, end) = (node.Span.Start.Offset, node.Span.End.Offset);
        return start >= 0 && end >= start && end < _source.Length ? _source[start..(end + 1)] : node.ToString() ?? "";
    }
}
