using System.Collections;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// Evaluates bound paths the way generated code does: a step from a nullable object is C#'s <c>?.</c>
/// (null ends the whole chain), a step from any other object is <c>.</c> (null throws), an array reached
/// through a nullable object counts as empty when null, and a map step is <c>FlowValues.MapValue</c>.
/// </summary>
internal sealed class PathEvaluator(IReadOnlyDictionary<string, int> nodeIndex)
{
    /// <summary>Where a path starts: the narrowed element, the payload's field, or a node output.</summary>
    public Chain Start(BoundPath path, RunValues values)
    {
        if (path.Narrowing is { } narrowing)
        {
            return Chain.Of(values.Nodes[nodeIndex[narrowing.FilterId]], narrowing.Element);
        }

        var root = path.Root;
        return root.Source == VariableSource.EventField
            ? Chain.Of(ClrProperties.Read(values.Payload, values.Payload.GetType(), root.Field!.ClrName!), root.Type)
            : Chain.Of(values.Nodes[nodeIndex[root.NodeId!]], root.Type);
    }

    /// <summary>The value of a single-valued path.</summary>
    public object? Single(BoundPath path, RunValues values) => Walk(Start(path, values), path, 0, path.Steps.Length).Value;

    /// <summary>Follows <paramref name="path"/>'s steps <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public static Chain Walk(Chain chain, BoundPath path, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            chain = chain.Step(path.Steps[i]);
        }

        return chain;
    }

    /// <summary>
    /// Every value a path yields from <paramref name="chain"/> (at step <paramref name="from"/>) on, arrays
    /// walked in order and nested arrays by nested loops; lazily, so a caller may stop at the first match.
    /// </summary>
    public static IEnumerable<object?> Each(Chain chain, BoundPath path, int from)
    {
        for (var i = from; i <= path.Steps.Length; i++)
        {
            if (chain.Type is ArrayType array)
            {
                foreach (var item in Items(chain))
                {
                    foreach (var value in Each(Chain.Of(item, array.Element), path, i))
                    {
                        yield return value;
                    }
                }

                yield break;
            }

            if (i == path.Steps.Length)
            {
                break;
            }

            chain = chain.Step(path.Steps[i]);
        }

        yield return chain.Value;
    }

    /// <summary>The elements of the array a chain ends at: <c>foreach</c>, with <c>?? Array.Empty</c> when it may be null.</summary>
    public static IEnumerable Items(Chain chain) => chain.Value switch
    {
        IEnumerable items => items,
        null when chain.MaybeNull => Array.Empty<object>(),
        _ => throw new NullReferenceException(),
    };

    /// <summary>
    /// A member-access chain being evaluated: its value, its static type, whether a <c>?.</c> met null (then
    /// the whole chain is null), and whether any object on it is nullable (then a null array is empty).
    /// </summary>
    internal readonly record struct Chain(object? Current, FlowType Type, bool ShortCircuited, bool MaybeNull)
    {
        public object? Value => ShortCircuited ? null : Current;

        public static Chain Of(object? value, FlowType type) => new(value, type, false, type is ObjectType { IsNullable: true });

        public Chain Step(FieldSymbol field)
        {
            var maybeNull = MaybeNull || field.Type is ObjectType { IsNullable: true };
            if (Type is MapType)
            {
                return new Chain(FlowValues.MapValue((IReadOnlyDictionary<string, string>?)Value, field.Name), field.Type, false, maybeNull);
            }

            var owner = (ObjectType)Type;
            if (ShortCircuited)
            {
                return this with { Type = field.Type, MaybeNull = maybeNull };
            }

            if (Current is null)
            {
                return owner.IsNullable ? new Chain(null, field.Type, true, maybeNull) : throw new NullReferenceException();
            }

            var value = owner.ClrType is { } clrType
                ? ClrProperties.Read(Current, clrType, field.ClrName!)
                : ((IReadOnlyDictionary<string, object?>)Current)[field.Name];
            return new Chain(value, field.Type, false, maybeNull);
        }
    }
}
