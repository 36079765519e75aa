namespace FlowCompiler.Runtime.Catalog;

/// <summary>Marks a row type as a panel database table that <c>dbJoin</c> and <c>loadTags</c> can read.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FlowTableAttribute(string name) : Attribute
{
    /// <summary>The table name as admins write it in <c>dbJoin.from</c>.</summary>
    public string Name { get; } = name;
}
