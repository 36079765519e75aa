namespace FlowCompiler.Bench;

/// <summary>Where the repository is, found from the running binary.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>FlowCompiler.sln</c>, else the current directory.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FlowCompiler.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
