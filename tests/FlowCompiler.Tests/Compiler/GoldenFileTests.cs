using FlowCompiler.Generator.Emit;

namespace FlowCompiler.Tests.Compiler;

/// <summary>
/// The generated C# of every sample flow, as whole files in <c>tests/FlowCompiler.Tests/Golden/NAME.cs.txt</c>
/// (<c>.txt</c>, so no SDK glob compiles them), as the Regex generator keeps its output tests: a change to the
/// emitter shows as a diff a reviewer reads. <c>FLOWC_ACCEPT_GOLDEN=1</c> rewrites them (see <see cref="GoldenFile"/>).
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.TestProject, "Golden");

    [Theory]
    [MemberData(nameof(CompilerTestFlows.SampleNames), MemberType = typeof(CompilerTestFlows))]
    public void Generated_code_matches_the_golden_file(string name)
    {
        var emitted = FlowEmitter.Emit(CompilerTestFlows.Bind(CompilerTestFlows.SampleText(name)).Flow);

        GoldenFile.AssertMatches(Path.Combine(Folder, name + ".cs.txt"), emitted);
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_sample_flow()
    {
        var stale = Directory.GetFiles(Folder, "*.cs.txt")
            .Select(f => Path.GetFileName(f)[..^".cs.txt".Length])
            .Except(RepositoryPaths.SampleFlowNames, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(stale.Count == 0, "golden files without a sample flow in flows/ (delete them): " + string.Join(", ", stale));
    }
}
