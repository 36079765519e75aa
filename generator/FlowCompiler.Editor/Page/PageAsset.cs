namespace FlowCompiler.Editor.Page;

/// <summary>One file of the page, as embedded: its bytes, its gzip form when the build made one, its ETag.</summary>
/// <param name="Path">Its path below the page's root, e.g. <c>assets/index-DyYLZI8M.js</c>.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">Its bytes.</param>
/// <param name="Gzip">Its gzip-compressed bytes, or null.</param>
/// <param name="ETag">A strong validator derived from the content.</param>
internal sealed record PageAsset(string Path, string ContentType, byte[] Content, byte[]? Gzip, string ETag)
{
    /// <summary>Whether the file name carries a content hash (Vite's <c>assets/</c>): such a file never changes.</summary>
    public bool IsImmutable => Path.StartsWith("assets/", StringComparison.Ordinal);
}
