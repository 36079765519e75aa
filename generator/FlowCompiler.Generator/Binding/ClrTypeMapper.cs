using System.Collections.Immutable;
using System.Reflection;
using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// Reads the runtime's payload and row classes into flow types. This is how the catalogs stay defined
/// once: the C# classes in the runtime are the source of truth, and this maps them at compile time.
/// </summary>
public static class ClrTypeMapper
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The object type of a runtime class: its public properties in declaration order.</summary>
    public static ObjectType ObjectOf(Type clrType, string name, bool isNullable = false)
    {
        var properties = clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new FieldSymbol(
                p.GetCustomAttribute<FlowNameAttribute>()?.Name ?? CamelCase(p.Name),
                TypeOf(p),
                p.Name,
                p.GetCustomAttribute<SensitiveAttribute>() is not null));
        return new ObjectType(name, [.. properties], clrType, isNullable);
    }

    private static FlowType TypeOf(PropertyInfo property)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return (Scalar(underlying) ?? throw Unsupported(property)) with { IsNullable = true };
        }

        if (Scalar(type) is { } scalar)
        {
            var nullable = type == typeof(string) && Nullability.Create(property).ReadState == NullabilityState.Nullable;
            return scalar with { IsNullable = nullable };
        }

        if (type == typeof(IReadOnlyDictionary<string, string>))
        {
            return MapType.Instance;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            return new ArrayType(Scalar(element) is { } scalarElement ? scalarElement : ObjectOf(element, CamelCase(element.Name)));
        }

        throw Unsupported(property);
    }

    private static ScalarType? Scalar(Type type) =>
        type == typeof(int) || type == typeof(long) ? new ScalarType(ScalarKind.Int, false)
        : type == typeof(decimal) ? new ScalarType(ScalarKind.Decimal, false)
        : type == typeof(string) ? new ScalarType(ScalarKind.String, false)
        : type == typeof(bool) ? new ScalarType(ScalarKind.Bool, false)
        : type == typeof(DateTime) ? new ScalarType(ScalarKind.DateTime, false)
        : null;

    // A runtime class the catalog cannot express is a bug in the runtime, found by the catalog tests.
    private static InvalidOperationException Unsupported(PropertyInfo property) =>
        new($"{property.DeclaringType?.Name}.{property.Name} has type {property.PropertyType.Name}, which flows cannot express.");

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
