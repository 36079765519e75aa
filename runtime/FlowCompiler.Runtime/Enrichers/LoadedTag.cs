namespace FlowCompiler.Runtime.Enrichers;

/// <summary>One tag loaded by the <c>loadTags</c> enricher.</summary>
public sealed class LoadedTag
{
    /// <summary>Database id of the tag.</summary>
    public int Id { get; init; }

    /// <summary>The tag text.</summary>
    public string Name { get; init; } = "";
}
