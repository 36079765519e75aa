using FlowCompiler.Generator.Binding;
using Scriban.Syntax;

namespace FlowCompiler.Generator.Templates;

/// <summary>Binary operators: what Scriban computes for each pair of operand types, and which pairs fail at run time.</summary>
internal sealed partial class ScriptTypeChecker
{
    /// <inheritdoc />
    public override ScriptType Visit(ScriptBinaryExpression node)
    {
        var left = Value(node.Left);
        var right = Value(node.Right);
        if (node.Operator == ScriptBinaryOperator.Subtract && IsTight(node))
        {
            Hint($"(Scriban reads \"{Text(node)}\" as {Text(node.Left)} - {Text(node.Right)}, a subtraction; field names never contain '-'.)");
        }

        if (left is ErrorScriptType || right is ErrorScriptType)
        {
            return ScriptType.Error;
        }

        switch (node.Operator)
        {
            case ScriptBinaryOperator.And or ScriptBinaryOperator.Or
                or ScriptBinaryOperator.CompareEqual or ScriptBinaryOperator.CompareNotEqual:
                return ScriptType.Scalar(ScalarKind.Bool);
            case ScriptBinaryOperator.CompareLess or ScriptBinaryOperator.CompareLessOrEqual
                or ScriptBinaryOperator.CompareGreater or ScriptBinaryOperator.CompareGreaterOrEqual:
                return Ordered(left, right)
                    ? ScriptType.Scalar(ScalarKind.Bool)
                    : Incompatible($"{Text(node)} orders {left.Display} against {right.Display}; compare two numbers, two strings or two datetimes.");
            case ScriptBinaryOperator.EmptyCoalescing or ScriptBinaryOperator.NotEmptyCoalescing:
                return ScriptType.Join(left, right);
            case ScriptBinaryOperator.Add when left.Kind == ScalarKind.String || right.Kind == ScalarKind.String:
                return Scalars(left, right) ? ScriptType.Scalar(ScalarKind.String) : Arithmetic(node, left, right, "joins");
            case ScriptBinaryOperator.Multiply when left.Kind == ScalarKind.String && (right.IsNumber || right.IsOpen):
                return ScriptType.Scalar(ScalarKind.String);
            case ScriptBinaryOperator.Add or ScriptBinaryOperator.Subtract or ScriptBinaryOperator.Multiply
                or ScriptBinaryOperator.Modulus or ScriptBinaryOperator.DivideRound or ScriptBinaryOperator.Power
                or ScriptBinaryOperator.ShiftLeft or ScriptBinaryOperator.ShiftRight
                or ScriptBinaryOperator.BinaryAnd or ScriptBinaryOperator.BinaryOr:
                return Numbers(left, right) ? Number(left, right) : Arithmetic(node, left, right, Verb(node.Operator));
            case ScriptBinaryOperator.Divide:
                // "/" divides exactly (7 / 2 is 3.5); "//" is the whole-number division.
                return Numbers(left, right) ? ScriptType.Scalar(ScalarKind.Decimal, Nullable(left, right)) : Arithmetic(node, left, right, "divides");
            case ScriptBinaryOperator.RangeInclude or ScriptBinaryOperator.RangeExclude:
                return Numbers(left, right) ? new ListScriptType(ScriptType.Scalar(ScalarKind.Int)) : Arithmetic(node, left, right, "makes a range of");
            default:
                return Refuse($"{Text(node)} uses the operator {node.OperatorToken}, which flow templates do not support.");
        }
    }

    // r.vlan-id: a minus with no space on either side is almost always a name with a dash in it.
    private static bool IsTight(ScriptBinaryExpression node) =>
        node is { Left: { } left, Right: { } right, OperatorToken: { } token }
        && left.Span.End.Offset + 1 == token.Span.Start.Offset
        && token.Span.Start.Offset + 1 == right.Span.Start.Offset;

    private static bool Scalars(ScriptType left, ScriptType right) =>
        (left.Kind is not null || left.IsOpen) && (right.Kind is not null || right.IsOpen);

    private static bool Numbers(ScriptType left, ScriptType right) =>
        (left.IsNumber || left.IsOpen) && (right.IsNumber || right.IsOpen);

    private static bool Ordered(ScriptType left, ScriptType right) =>
        left.IsOpen || right.IsOpen || (left.IsNumber && right.IsNumber) || (left.Kind is { } kind && kind == right.Kind && kind != ScalarKind.Bool);

    private static bool Nullable(ScriptType left, ScriptType right) =>
        left.FlowType is ScalarType { IsNullable: true } || right.FlowType is ScalarType { IsNullable: true };

    // Whole numbers stay whole; anything with a decimal (or not known) is a decimal number.
    private static ScriptType Number(ScriptType left, ScriptType right) =>
        left.IsOpen && right.IsOpen
            ? ScriptType.Unknown
            : ScriptType.Scalar(left.Kind == ScalarKind.Int && right.Kind == ScalarKind.Int ? ScalarKind.Int : ScalarKind.Decimal, Nullable(left, right));

    private ScriptType Arithmetic(ScriptBinaryExpression node, ScriptType left, ScriptType right, string verb)
    {
        var hint = left.Kind == ScalarKind.DateTime || right.Kind == ScalarKind.DateTime
            ? " Shift a datetime with date.add_days, date.add_hours…"
            : left.Kind == ScalarKind.String || right.Kind == ScalarKind.String
                ? " Convert text to a number first with string.to_int or string.to_double."
                : "";
        return Incompatible($"{Text(node)} {verb} {left.Display} and {right.Display}, which Scriban cannot do.{hint}");
    }

    private static string Verb(ScriptBinaryOperator op) => op switch
    {
        ScriptBinaryOperator.Add => "adds",
        ScriptBinaryOperator.Subtract => "subtracts",
        ScriptBinaryOperator.Multiply => "multiplies",
        _ => "computes with",
    };
}
