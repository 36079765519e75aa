namespace FlowCompiler.Tests;

/// <summary>
/// Where the repository is, for tests that read its sample flows and events, check its docs or keep baselines.
/// The one place tests find it: everything else is a path below <see cref="Root"/>.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding <c>FlowCompiler.sln</c>, found upwards from the test output folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The sample flows' folder, <c>flows/</c>.</summary>
    public static string Samples { get; } = Path.Combine(Root, "flows");

    /// <summary>The test project's own folder, <c>tests/FlowCompiler.Tests/</c>, where baselines live.</summary>
    public static string TestProject { get; } = Path.Combine(Root, "tests", "FlowCompiler.Tests");

    /// <summary>A path below the repository root, e.g. <c>Of("docs", "diagnostics.md")</c>.</summary>
    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A sample flow, <c>flows/NAME.json</c>.</summary>
    public static string SampleFlow(string name) => Path.Combine(Samples, name + ".json");

    /// <summary>A sample event, <c>flows/events/NAME.json</c>.</summary>
    public static string SampleEvent(string name) => Path.Combine(Samples, "events", name + ".json");

    /// <summary>Every sample flow's name (<c>flows/*.json</c> but the JSON Schema), in ordinal order.</summary>
    public static IReadOnlyList<string> SampleFlowNames { get; } =
        [.. Directory.GetFiles(Samples, "*.json")
            .Where(f => !f.EndsWith("flow.schema.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)];

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
