using System.Collections.Frozen;
using System.Reflection;
using FlowCompiler.Runtime.Catalog;
using FlowCompiler.Runtime.Data;

namespace FlowCompiler.Generator.Binding;

/// <summary>The panel tables a <c>dbJoin</c> can read, typed from the runtime's row classes.</summary>
public static class TableCatalog
{
    private static readonly FrozenDictionary<string, ObjectType> Tables = FlowTables.All.ToFrozenDictionary(
        t => t.GetCustomAttribute<FlowTableAttribute>()!.Name,
        t => ClrTypeMapper.ObjectOf(t, t.GetCustomAttribute<FlowTableAttribute>()!.Name + " row"),
        StringComparer.Ordinal);

    /// <summary>Table names in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. FlowTables.All.Select(t => t.GetCustomAttribute<FlowTableAttribute>()!.Name)];

    /// <summary>The row type of a table, or null when there is no such table.</summary>
    public static ObjectType? Find(string name) => Tables.GetValueOrDefault(name);
}
