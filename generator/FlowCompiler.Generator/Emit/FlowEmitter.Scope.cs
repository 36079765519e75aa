using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// How a node's scope becomes C#: event fields are read from the payload, every node output and narrowed
/// array element on the path is a parameter of the node's methods, typed exactly.
/// </summary>
public sealed partial class FlowEmitter
{
    private IEnumerable<(string Type, string Name)> ScopeParameters(Scope scope)
    {
        foreach (var variable in scope.Variables)
        {
            if (variable.Source == VariableSource.NodeOutput)
            {
                yield return (TypeName(variable.Type), _outputNames[variable.NodeId!]);
            }
        }

        foreach (var narrowing in scope.Narrowings)
        {
            yield return (TypeName(narrowing.Element), _narrowingNames[narrowing.FilterId]);
        }
    }

    // (e, owner, chargesMatch) for helpers that only read the scope.
    private string ValueParameters(Scope scope) =>
        string.Join(", ", ScopeParameters(scope).Select(p => $"{p.Type} {p.Name}").Prepend($"{_payloadType} {Payload}"));

    private string ValueArguments(Scope scope) =>
        string.Join(", ", ScopeParameters(scope).Select(p => p.Name).Prepend(Payload));

    private string NodeParameters(Scope scope) =>
        $"{ValueParameters(scope)}, IFlowServices {Services}, FlowRun {Run}, CancellationToken {Cancellation}";

    private string NodeArguments(Scope scope) => $"{ValueArguments(scope)}, {Services}, {Run}, {Cancellation}";

    private string TypeName(FlowType type) => type switch
    {
        ScalarType scalar => ScalarName(scalar.Kind) + (scalar.IsNullable ? "?" : ""),
        ObjectType obj => (obj.ClrType?.Name ?? _responseClasses[obj].Name) + (obj.IsNullable ? "?" : ""),
        ArrayType array => $"IReadOnlyList<{TypeName(array.Element)}>",
        MapType => "IReadOnlyDictionary<string, string>",
        _ => throw new InvalidOperationException($"No C# type for {type.Display}."),
    };

    private static string ScalarName(ScalarKind kind) => kind switch
    {
        ScalarKind.Int => "int",
        ScalarKind.Decimal => "decimal",
        ScalarKind.String => "string",
        ScalarKind.Bool => "bool",
        _ => "DateTime",
    };

    // Where a path starts: the narrowed element, the payload, or a node output.
    private (string Expression, FlowType Type) Start(BoundPath path)
    {
        if (path.Narrowing is { } narrowing)
        {
            return (_narrowingNames[narrowing.FilterId], narrowing.Element);
        }

        var root = path.Root;
        return root.Source == VariableSource.EventField
            ? ($"{Payload}.{root.Field!.ClrName}", root.Type)
            : (_outputNames[root.NodeId!], root.Type);
    }

    /// <summary>A single-valued path as one C# expression; a nullable object is stepped over with <c>?.</c>.</summary>
    private string Single(BoundPath path) => Walk(Start(path), path, 0, path.Steps.Length).Expression;

    private (string Expression, FlowType Type, bool MaybeNull) Walk((string Expression, FlowType Type) start, BoundPath path, int from, int to)
    {
        var (expression, type) = start;
        var maybeNull = type is ObjectType { IsNullable: true };
        for (var i = from; i < to; i++)
        {
            var step = path.Steps[i];
            if (type is MapType)
            {
                expression = $"FlowValues.MapValue({expression}, {CSharpText.Literal(step.Name)})";
            }
            else
            {
                var owner = (ObjectType)type;
                expression += (owner.IsNullable ? "?." : ".") + PropertyName(owner, step);
            }

            type = step.Type;
            maybeNull |= type is ObjectType { IsNullable: true };
        }

        return (expression, type, maybeNull);
    }

    private string PropertyName(ObjectType owner, FieldSymbol field) =>
        field.ClrName ?? _responseClasses[owner].Properties[field.Name];

    /// <summary>
    /// Writes loops over every value a many-valued path yields, calling <paramref name="body"/> with the C#
    /// expression of one value; arrays are walked in order, nested arrays by nested loops.
    /// </summary>
    private void Each((string Expression, FlowType Type) start, BoundPath path, int from, IdentifierSet locals, Action<string> body)
    {
        var (expression, type) = start;
        var maybeNull = type is ObjectType { IsNullable: true };
        for (var i = from; i <= path.Steps.Length; i++)
        {
            if (type is ArrayType array)
            {
                var item = locals.Reserve("item");
                var source = maybeNull ? $"{expression} ?? Array.Empty<{TypeName(array.Element)}>()" : expression;
                using (_writer.Block($"foreach (var {item} in {source})"))
                {
                    Each((item, array.Element), path, i, locals, body);
                }

                return;
            }

            if (i == path.Steps.Length)
            {
                break;
            }

            var (next, nextType, nextNull) = Walk((expression, type), path, i, i + 1);
            expression = next;
            type = nextType;
            maybeNull |= nextNull;
        }

        body(expression);
    }

    private IdentifierSet MethodLocals() => new(_variables.Taken);
}
