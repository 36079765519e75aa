using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Binding a filter: the field, an operation that fits its type, and a value parsed into that type.</summary>
public sealed partial class FlowBinder
{
    /// <summary>How long one <c>matches</c> may run before the node fails; also used at compile time.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly ImmutableArray<(string Text, FilterOperation Operation)> Operations =
    [
        ("=", FilterOperation.Equal), ("!=", FilterOperation.NotEqual), ("<", FilterOperation.Less),
        ("<=", FilterOperation.LessOrEqual), (">", FilterOperation.Greater), (">=", FilterOperation.GreaterOrEqual),
        ("contains", FilterOperation.Contains), ("notContains", FilterOperation.NotContains),
        ("startsWith", FilterOperation.StartsWith), ("endsWith", FilterOperation.EndsWith),
        ("matches", FilterOperation.Matches), ("empty", FilterOperation.Empty), ("notEmpty", FilterOperation.NotEmpty),
    ];

    private (BoundNode?, Scope?, Scope?) BindFilter(FlowNode node, Scope scope)
    {
        var field = Path(node, "field", scope);
        var operationText = Choice(node, "operation");
        var ignoreCase = node.Parameter("ignoreCase") is BoolParameter { Value: true };
        if (field is null || operationText is null)
        {
            return (null, scope, null);
        }

        var operation = Operations.First(o => o.Text == operationText).Operation;
        FilterOperand? operand = null;
        if (operation is FilterOperation.Empty or FilterOperation.NotEmpty)
        {
            if (node.Parameter("value") is { Text.Length: > 0 })
            {
                _diagnostics.Error(DiagnosticCodes.FilterValueType, node.Id, node.ParameterPath("value"),
                    $"\"{operationText}\" takes no value; remove \"value\".");
                return (null, scope, null);
            }
        }
        else
        {
            if (field.Scalar is not { } scalar)
            {
                var hint = field.Type is ArrayType { Element: ObjectType { Fields.Length: > 0 } element }
                    ? $" Filter on one of its fields, e.g. \"{field.Text}.{element.Fields[^1].Name}\", or use empty/notEmpty."
                    : " Use empty or notEmpty, or filter on one of its fields.";
                _diagnostics.Error(DiagnosticCodes.OperationNotApplicable, node.Id, node.ParameterPath("field"),
                    $"\"{field.Text}\" is {field.Type.Display}; \"{operationText}\" compares single values.{hint}");
                return (null, scope, null);
            }

            if (!Applies(operation, scalar))
            {
                _diagnostics.Error(DiagnosticCodes.OperationNotApplicable, node.Id, node.ParameterPath("operation"),
                    $"\"{operationText}\" does not apply to \"{field.Text}\", which is {scalar.Display}. Operations for {scalar.Display}: {string.Join(", ", Operations.Where(o => Applies(o.Operation, scalar)).Select(o => o.Text))}.");
                return (null, scope, null);
            }

            operand = Operand(node, scalar, operation, ignoreCase, scope);
            if (operand is null)
            {
                return (null, scope, null);
            }
        }

        var narrowing = field.FirstArray is { } array ? NarrowingFor(field, array, node.Id) : null;
        var filter = new BoundFilter(node.Id, scope, field, operation, operationText, operand, ignoreCase, narrowing);
        return (filter, scope, narrowing is null ? null : scope.With(narrowing));
    }

    private static bool Applies(FilterOperation operation, ScalarType type) => operation switch
    {
        FilterOperation.Equal or FilterOperation.NotEqual or FilterOperation.Empty or FilterOperation.NotEmpty => true,
        FilterOperation.Less or FilterOperation.LessOrEqual or FilterOperation.Greater or FilterOperation.GreaterOrEqual => type.IsOrdered,
        _ => type.Kind == ScalarKind.String,
    };

    private FilterOperand? Operand(FlowNode node, ScalarType type, FilterOperation operation, bool ignoreCase, Scope scope)
    {
        var path = node.ParameterPath("value");
        var value = node.Parameter("value");
        if (value is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingProperty, node.Id, path, $"\"{Operations.First(o => o.Operation == operation).Text}\" needs a \"value\" to compare with.");
            return null;
        }

        if (value is StringParameter text && TemplateParser.Parse(text.Value).Syntax is { HasHoles: true } syntax)
        {
            return FieldOperandOf(node, syntax, type, operation, scope);
        }

        if (operation == FilterOperation.Matches)
        {
            try
            {
                var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
                _ = new Regex(value.Text, options, RegexTimeout);
            }
            catch (ArgumentException e)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidRegex, node.Id, path, $"\"{DiagnosticText.Printable(value.Text)}\" is not a valid .NET regular expression: {e.Message}");
                return null;
            }
        }

        if (Parse(value, type.Kind) is { } constant)
        {
            return new ConstantOperand(constant, type.Kind, value.Text);
        }

        _diagnostics.Error(DiagnosticCodes.FilterValueType, node.Id, path,
            $"\"{DiagnosticText.Printable(value.Text)}\" is not {Example(type.Kind)}, the type of \"{node.Parameter("field")!.Text}\" ({type.Display}).");
        return null;
    }

    private FieldOperand? FieldOperandOf(FlowNode node, TemplateSyntax syntax, ScalarType type, FilterOperation operation, Scope scope)
    {
        var path = node.ParameterPath("value");
        if (syntax.Segments is not [PathPiece hole] || operation == FilterOperation.Matches)
        {
            _diagnostics.Error(DiagnosticCodes.FilterValueType, node.Id, path,
                operation == FilterOperation.Matches
                    ? "a \"matches\" pattern must be literal, so it can be checked when the flow is published."
                    : "a filter value is either a constant or exactly one field hole such as {{user.id}}, with nothing around it.");
            return null;
        }

        var other = PathBinder.Bind(hole.Path, scope, node.Id, path, _diagnostics);
        if (other is null)
        {
            return null;
        }

        if (other.Scalar is not { } otherType || other.IsMany || !Comparable(type, otherType))
        {
            _diagnostics.Error(DiagnosticCodes.IncompatibleType, node.Id, path,
                $"cannot compare {type.Display} with \"{other.Text}\", which is {(other.IsMany ? "a list of values" : other.Type.Display)}; compare fields of the same type.");
            return null;
        }

        return new FieldOperand(other);
    }

    private static object? Parse(ParameterValue value, ScalarKind kind)
    {
        var text = value.Text;
        return (kind, value) switch
        {
            (ScalarKind.Bool, BoolParameter b) => b.Value,
            (ScalarKind.Bool, StringParameter) => bool.TryParse(text, out var flag) ? flag : null,
            (_, BoolParameter) => null,
            (ScalarKind.String, _) => text,
            (ScalarKind.Int, _) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
            (ScalarKind.Decimal, _) => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null,
            (ScalarKind.DateTime, StringParameter) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcDateTime : null,
            _ => null,
        };
    }

    private static string Example(ScalarKind kind) => kind switch
    {
        ScalarKind.Int => "a whole number (e.g. 100)",
        ScalarKind.Decimal => "a number (e.g. 10.50)",
        ScalarKind.Bool => "true or false",
        ScalarKind.DateTime => "a date and time (e.g. \"2024-02-23T18:00:25Z\")",
        _ => "text",
    };

    private static Narrowing NarrowingFor(BoundPath field, ArrayType array, string filterId)
    {
        var prefix = (field.Narrowing?.Prefix ?? []).AddRange(field.Steps.Take(field.FirstArrayStep).Select(s => s.Name));
        return new Narrowing(field.Root.Name, prefix, array.Element, filterId);
    }
}
