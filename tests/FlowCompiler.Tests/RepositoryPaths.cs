namespace FlowCompiler.Tests;

/// <summary>Where the repository is, for tests that read its sample flows and events or check its docs.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding <c>FlowCompiler.sln</c>, found upwards from the test output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A sample flow, <c>flows/NAME.json</c>.</summary>
    public static string SampleFlow(string name) => Path.Combine(Root, "flows", name + ".json");

    /// <summary>A sample event, <c>flows/events/NAME.json</c>.</summary>
    public static string SampleEvent(string name) => Path.Combine(Root, "flows", "events", name + ".json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlowCompiler.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FlowCompiler.sln not found above the test output folder.");
    }
}
