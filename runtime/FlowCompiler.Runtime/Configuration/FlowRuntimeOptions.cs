namespace FlowCompiler.Runtime.Configuration;

/// <summary>The settings of the root section <c>FlowCompiler</c> that belong to no single part.</summary>
public sealed class FlowRuntimeOptions
{
    /// <summary>
    /// The folder compiled flows are cached in (<c>FlowCompiler:CacheDirectory</c>); relative paths are taken
    /// from the host's content root (the working directory outside a generic host). The host hands it to the compiler's cache.
    /// </summary>
    public string CacheDirectory { get; set; } = Path.Combine(".flowc", "cache");
}
