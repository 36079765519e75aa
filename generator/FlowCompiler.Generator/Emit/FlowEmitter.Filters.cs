using System.Globalization;
using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Filters as typed predicates: C# operators on numbers and datetimes (lifted, so null orders false),
/// ordinal string comparisons, a static Regex with a match timeout, and first-match loops over arrays that
/// hand the matching element to the <c>true</c> port.
/// </summary>
public sealed partial class FlowEmitter
{
    private string TestName(BoundFilter filter) => _testNames[filter.Id];

    private void EmitFilterTest(BoundFilter filter)
    {
        var w = _writer;
        var constant = EmitFilterConstant(filter);
        if (filter.Narrowing is not { } narrowing)
        {
            w.WriteLine($"private static bool {TestName(filter)}({ValueParameters(filter.Scope)}) =>");
            w.WriteLine("    " + Predicate(filter, Single(filter.Field), constant) + ";");
            return;
        }

        const string match = "match";
        var elementType = TypeName(narrowing.Element);
        using (w.Block($"private static bool {TestName(filter)}({ValueParameters(filter.Scope)}, out {elementType}? {match})"))
        {
            var locals = MethodLocals();
            var path = filter.Field;
            var (arrayExpression, arrayType, maybeNull) = Walk(Start(path), path, 0, path.FirstArrayStep);
            var items = locals.Reserve("items");
            var index = locals.Reserve("i");
            var candidate = locals.Reserve("item");
            var source = maybeNull ? $"{arrayExpression} ?? Array.Empty<{elementType}>()" : arrayExpression;

            // Hosts call this test (through Accepts) for every event: an index loop, unlike foreach over an
            // IReadOnlyList, allocates no enumerator.
            w.WriteLine("// First match wins; indexed, so a rejected event allocates nothing.");
            w.WriteLine($"var {items} = {source};");
            using (w.Block($"for (var {index} = 0; {index} < {items}.Count; {index}++)"))
            {
                w.WriteLine($"var {candidate} = {items}[{index}];");
                Each((candidate, ((ArrayType)arrayType).Element), path, path.FirstArrayStep, locals, value =>
                {
                    using (w.Block($"if ({Predicate(filter, value, constant)})"))
                    {
                        w.WriteLine($"{match} = {candidate};");
                        w.WriteLine("return true;");
                    }
                });
            }

            w.WriteLine();
            w.WriteLine($"{match} = null;");
            w.WriteLine("return false;");
        }
    }

    // Datetimes and regexes are built once, in static fields next to the test that uses them.
    private string? EmitFilterConstant(BoundFilter filter)
    {
        if (filter.Operation == FilterOperation.Matches && filter.Operand is ConstantOperand pattern)
        {
            var name = _members.Reserve(_nodeNames[filter.Id] + "Pattern");
            var options = "RegexOptions.CultureInvariant" + (filter.IgnoreCase ? " | RegexOptions.IgnoreCase" : "");
            var timeout = ((long)FlowBinder.RegexTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            _writer.WriteLine($"private static readonly Regex {name} = new({CSharpText.Literal((string)pattern.Value)}, {options}, TimeSpan.FromMilliseconds({timeout}));");
            _writer.WriteLine();
            return name;
        }

        if (filter.Operand is ConstantOperand { Value: DateTime time })
        {
            var name = _members.Reserve(_nodeNames[filter.Id] + "Value");
            var ticks = time.Ticks.ToString(CultureInfo.InvariantCulture);
            _writer.WriteLine($"// {time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)}");
            _writer.WriteLine($"private static readonly DateTime {name} = new({ticks}L, DateTimeKind.Utc);");
            _writer.WriteLine();
            return name;
        }

        return null;
    }

    private string Predicate(BoundFilter filter, string value, string? constantField)
    {
        var type = filter.Field.Type;
        if (filter.Operation is FilterOperation.Empty or FilterOperation.NotEmpty)
        {
            var empty = type switch
            {
                ScalarType { Kind: ScalarKind.String } => $"FlowFilters.IsEmpty({value})",
                ScalarType { IsNullable: true } => $"{value} is null",
                ScalarType => $"FlowFilters.IsNull<{ScalarName(((ScalarType)type).Kind)}>({value})",
                ArrayType or MapType => $"FlowFilters.IsEmpty({value})",
                _ => $"{value} is null",
            };
            return filter.Operation == FilterOperation.Empty ? empty : $"!({empty})";
        }

        var operand = filter.Operand switch
        {
            ConstantOperand c => constantField ?? ConstantLiteral(c),
            FieldOperand f => Single(f.Path),
            _ => throw new InvalidOperationException("A comparison without operand."),
        };
        var isString = type is ScalarType { Kind: ScalarKind.String };
        var comparison = filter.IgnoreCase ? "StringComparison.OrdinalIgnoreCase" : "StringComparison.Ordinal";
        return filter.Operation switch
        {
            FilterOperation.Equal when isString => $"string.Equals({value}, {operand}, {comparison})",
            FilterOperation.NotEqual when isString => $"!string.Equals({value}, {operand}, {comparison})",
            FilterOperation.Equal => $"{value} == {operand}",
            FilterOperation.NotEqual => $"{value} != {operand}",
            FilterOperation.Less => $"{value} < {operand}",
            FilterOperation.LessOrEqual => $"{value} <= {operand}",
            FilterOperation.Greater => $"{value} > {operand}",
            FilterOperation.GreaterOrEqual => $"{value} >= {operand}",
            FilterOperation.Contains => $"FlowFilters.Contains({value}, {operand}, {comparison})",
            FilterOperation.NotContains => $"FlowFilters.NotContains({value}, {operand}, {comparison})",
            FilterOperation.StartsWith => $"FlowFilters.StartsWith({value}, {operand}, {comparison})",
            FilterOperation.EndsWith => $"FlowFilters.EndsWith({value}, {operand}, {comparison})",
            FilterOperation.Matches => $"FlowFilters.Matches({value}, {operand})",
            _ => throw new InvalidOperationException($"Unknown operation {filter.Operation}."),
        };
    }

    private static string ConstantLiteral(ConstantOperand constant) => constant.Value switch
    {
        string text => CSharpText.Literal(text),
        bool flag => CSharpText.Literal(flag),
        long number => CSharpText.Literal(number),
        int number => CSharpText.Literal(number),
        decimal number => CSharpText.Literal(number),
        _ => throw new InvalidOperationException($"No literal for {constant.Value.GetType().Name}."),
    };
}
