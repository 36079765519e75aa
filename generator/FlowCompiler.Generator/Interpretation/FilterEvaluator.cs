using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// Decides filters as generated code does (spec §5): C# comparison semantics (null equals only null,
/// ordering with null is false, numbers compared by value whatever their CLR type), ordinal string
/// operations through <see cref="FlowFilters"/>, a pattern built once with the compile-time match timeout,
/// and over an array the first element for which any value matches.
/// </summary>
internal sealed class FilterEvaluator(PathEvaluator paths)
{
    private readonly Dictionary<BoundFilter, Regex> _patterns = new(ReferenceEqualityComparer.Instance);

    /// <summary>Builds the filter's pattern, once, when the interpreter is created.</summary>
    public void Prepare(BoundFilter filter)
    {
        if (filter.Operation == FilterOperation.Matches && filter.Operand is ConstantOperand { Value: string pattern })
        {
            var options = RegexOptions.CultureInvariant | (filter.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            _patterns[filter] = new Regex(pattern, options, FlowBinder.RegexTimeout);
        }
    }

    /// <summary>Whether the filter takes its <c>true</c> port; <paramref name="match"/> is the narrowed element, if any.</summary>
    public bool Test(BoundFilter filter, RunValues values, out object? match)
    {
        match = null;
        var path = filter.Field;
        if (filter.Narrowing is null)
        {
            return Holds(filter, paths.Single(path, values), values);
        }

        var array = PathEvaluator.Walk(paths.Start(path, values), path, 0, path.FirstArrayStep);
        var element = ((ArrayType)array.Type).Element;
        foreach (var candidate in PathEvaluator.Items(array))
        {
            foreach (var value in PathEvaluator.Each(PathEvaluator.Chain.Of(candidate, element), path, path.FirstArrayStep))
            {
                if (Holds(filter, value, values))
                {
                    match = candidate;
                    return true;
                }
            }
        }

        return false;
    }

    private bool Holds(BoundFilter filter, object? value, RunValues values)
    {
        var type = filter.Field.Type;
        if (filter.Operation is FilterOperation.Empty or FilterOperation.NotEmpty)
        {
            var empty = type switch
            {
                ScalarType { Kind: ScalarKind.String } => string.IsNullOrEmpty((string?)value),
                ArrayType or MapType => value is null || !((IEnumerable)value).GetEnumerator().MoveNext(),
                _ => value is null,
            };
            return filter.Operation == FilterOperation.Empty ? empty : !empty;
        }

        var comparison = filter.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (filter.Operation == FilterOperation.Matches)
        {
            return FlowFilters.Matches((string?)value, _patterns[filter]);
        }

        var operand = filter.Operand switch
        {
            ConstantOperand constant => constant.Value,
            FieldOperand field => paths.Single(field.Path, values),
            _ => throw new InvalidOperationException("A comparison without operand."),
        };
        if (type is ScalarType { Kind: ScalarKind.String })
        {
            var text = (string?)value;
            var part = (string?)operand;
            return filter.Operation switch
            {
                FilterOperation.Equal => string.Equals(text, part, comparison),
                FilterOperation.NotEqual => !string.Equals(text, part, comparison),
                FilterOperation.Contains => FlowFilters.Contains(text, part, comparison),
                FilterOperation.NotContains => FlowFilters.NotContains(text, part, comparison),
                FilterOperation.StartsWith => FlowFilters.StartsWith(text, part, comparison),
                FilterOperation.EndsWith => FlowFilters.EndsWith(text, part, comparison),
                _ => throw new InvalidOperationException($"{filter.OperationText} does not apply to text."),
            };
        }

        // C#'s lifted operators: == is true for two nulls, != is its negation, ordering with null is false.
        if (value is null || operand is null)
        {
            return filter.Operation switch
            {
                FilterOperation.Equal => value is null && operand is null,
                FilterOperation.NotEqual => !(value is null && operand is null),
                _ => false,
            };
        }

        var order = Compare(value, operand);
        return filter.Operation switch
        {
            FilterOperation.Equal => order == 0,
            FilterOperation.NotEqual => order != 0,
            FilterOperation.Less => order < 0,
            FilterOperation.LessOrEqual => order <= 0,
            FilterOperation.Greater => order > 0,
            FilterOperation.GreaterOrEqual => order >= 0,
            _ => throw new InvalidOperationException($"Unknown operation {filter.Operation}."),
        };
    }

    // Datetimes compare by ticks, as DateTime's operators do; int, long and decimal by value.
    private static int Compare(object value, object operand) => (value, operand) switch
    {
        (DateTime a, DateTime b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(operand, CultureInfo.InvariantCulture)),
    };
}
