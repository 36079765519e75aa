using System.Collections.Concurrent;
using System.Reflection;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>Reads catalog fields (events, rows, enricher outputs) from their runtime classes, one cached property per field.</summary>
internal static class ClrProperties
{
    private static readonly ConcurrentDictionary<(Type Owner, string Name), PropertyInfo> Cache = new();

    public static object? Read(object owner, Type declaredType, string propertyName)
    {
        var property = Cache.GetOrAdd((declaredType, propertyName), static key =>
            key.Owner.GetProperty(key.Name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{key.Owner.Name} has no property {key.Name}."));
        return property.GetValue(owner);
    }
}
