namespace FlowCompiler.Tests;

/// <summary>
/// A reviewed whole-file baseline: the generated C# of a sample flow, the diagnostics of a case. A test compares
/// what the code produces now with the committed file; after a deliberate change, running the tests with
/// <c>FLOWC_ACCEPT_GOLDEN=1</c> rewrites the files, and their diff is what a reviewer reads.
/// </summary>
internal static class GoldenFile
{
    /// <summary>The environment variable that turns comparing into rewriting.</summary>
    public const string AcceptVariable = "FLOWC_ACCEPT_GOLDEN";

    /// <summary>The command that rewrites every baseline, for failure messages.</summary>
    public const string AcceptCommand =
        AcceptVariable + "=1 dotnet test tests/FlowCompiler.Tests -c Release --filter \"FullyQualifiedName~GoldenFileTests|FullyQualifiedName~DiagnosticCaseTests\"";

    /// <summary>Whether this run rewrites baselines instead of checking them.</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Fails, naming the first line that differs and how to accept the change, unless <paramref name="actual"/> is the file's text.</summary>
    /// <param name="path">The baseline's full path.</param>
    /// <param name="actual">What the code produces now.</param>
    public static void AssertMatches(string path, string actual)
    {
        var relative = Path.GetRelativePath(RepositoryPaths.Root, path);
        if (Accepting)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{relative} is missing. If the output is right, write it with\n  {AcceptCommand}\nand review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail(
            $"{relative} differs from the output at line {line + 1}:\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "(end of file)")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "(end of output)")}\n" +
            $"If the change is intended, rewrite the baselines with\n  {AcceptCommand}\nand review their diff.");
    }
}
