namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// The compile cache folder cannot be written: it is a file, lies below a file, or may not be written to. The
/// flow compiled, but a result that cannot be kept is not used; the message names the folder and why.
/// </summary>
public sealed class FlowCacheException : Exception
{
    /// <summary>Creates the exception for <paramref name="folder"/>.</summary>
    /// <param name="folder">The cache folder.</param>
    /// <param name="cause">The file system error.</param>
    public FlowCacheException(string folder, Exception cause)
        : base($"the compile cache folder '{folder}' cannot be written: {Reason(folder, cause)}", cause) => Folder = folder;

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    private static string Reason(string folder, Exception cause)
    {
        if (File.Exists(folder))
        {
            return "it is a file, not a folder";
        }

        for (var parent = Path.GetDirectoryName(Path.GetFullPath(folder)); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"'{parent}' is a file, not a folder";
            }
        }

        return cause is UnauthorizedAccessException ? "permission denied" : cause.Message.TrimEnd('.');
    }
}
