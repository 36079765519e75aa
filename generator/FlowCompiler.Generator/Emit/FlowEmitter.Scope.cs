using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// How a node's scope becomes C#: event fields are read from the payload <c>e</c>, node outputs and
/// narrowed array elements from the run's <c>scope</c> object, typed exactly. A method takes <c>scope</c>
/// only when it reads or writes it.
/// </summary>
public sealed partial class FlowEmitter
{
    // Whether helpers of a node with this scope read anything beyond the payload.
    private static bool ReadsScope(Scope scope) =>
        !scope.Narrowings.IsEmpty || scope.Variables.Any(v => v.Source == VariableSource.NodeOutput);

    // (e) or (e, scope), for helpers that only read values: templates and filter tests.
    private string ValueParameters(Scope scope) =>
        ReadsScope(scope) ? $"{_payloadType} {Payload}, {ScopeClass} {ScopeLocal}" : $"{_payloadType} {Payload}";

    private static string ValueArguments(Scope scope) => ReadsScope(scope) ? $"{Payload}, {ScopeLocal}" : Payload;

    private bool NodeTakesScope(BoundNode node) =>
        ReadsScope(node.Scope) || _outputFields.ContainsKey(node.Id) || _narrowingFields.ContainsKey(node.Id);

    private string NodeParameters(BoundNode node) =>
        $"{_payloadType} {Payload}{(NodeTakesScope(node) ? $", {ScopeClass} {ScopeLocal}" : "")}{(IsAsync(node) ? $", IFlowServices {Services}" : "")}, FlowRun {Run}, CancellationToken {Cancellation}";

    private string NodeArguments(BoundNode node) =>
        $"{Payload}{(NodeTakesScope(node) ? $", {ScopeLocal}" : "")}{(IsAsync(node) ? $", {Services}" : "")}, {Run}, {Cancellation}";

    // Where a node keeps its output, e.g. scope.Owner.
    private string OutputField(string nodeId) => $"{ScopeLocal}.{_outputFields[nodeId]}";

    // The element a filter above narrowed its array to: set whenever the true port runs, so never null here.
    private string NarrowedElement(string filterId) => $"{ScopeLocal}.{_narrowingFields[filterId]}!";

    // The type of a node's output, as the nodes below it see it.
    private static FlowType OutputType(BoundNode node) =>
        node.Branches.SelectMany(b => b.Children).First().Scope.Variables.Last(v => v.NodeId == node.Id).Type;

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
            return (NarrowedElement(narrowing.FilterId), narrowing.Element);
        }

        var root = path.Root;
        return root.Source == VariableSource.EventField
            ? ($"{Payload}.{root.Field!.ClrName}", root.Type)
            : (OutputField(root.NodeId!), root.Type);
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

    private static IdentifierSet MethodLocals() => new(LocalNames);
}
