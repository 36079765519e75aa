using System.Reflection;
using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>
/// The names flows use for tables and columns, which are also the database's names: the product page's
/// schema (<c>ipv4Addresses.fk_ipam</c>) is the physical one, so a flow's <c>dbJoin</c> reads what an admin sees in SQL.
/// </summary>
internal static class FlowColumnName
{
    /// <summary>The column name of a row property: its <see cref="FlowNameAttribute"/>, else the camel-cased property name.</summary>
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<FlowNameAttribute>()?.Name ?? CamelCase(property.Name);

    /// <summary>The table name of a row type, from its <see cref="FlowTableAttribute"/>.</summary>
    public static string TableOf(Type rowType) =>
        rowType.GetCustomAttribute<FlowTableAttribute>()?.Name
        ?? throw new ArgumentException($"{rowType.Name} is not a panel table: it has no [FlowTable] attribute.", nameof(rowType));

    /// <summary>camelCase of a PascalCase name (<c>CreatedAt</c> → <c>createdAt</c>).</summary>
    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
