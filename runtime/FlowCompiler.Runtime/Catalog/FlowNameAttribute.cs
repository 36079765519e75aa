namespace FlowCompiler.Runtime.Catalog;

/// <summary>
/// The name a property has in flows when it is not the camel-cased property name
/// (the product page's <c>in_use</c>, <c>fk_ipam</c>, <c>minRAM</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FlowNameAttribute(string name) : Attribute
{
    /// <summary>The field name as admins write it in flows.</summary>
    public string Name { get; } = name;
}
