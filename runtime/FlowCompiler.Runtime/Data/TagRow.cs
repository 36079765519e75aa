using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A tag on a server or user. Table <c>tags</c>.</summary>
[FlowTable("tags")]
public sealed class TagRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Server or user.</summary>
    public string ResourceType { get; set; } = "";

    /// <summary>Id of the tagged server or user.</summary>
    public int ResourceId { get; set; }

    /// <summary>The tag.</summary>
    public string Name { get; set; } = "";
}
