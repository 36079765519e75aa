using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Language;

/// <summary>
/// What no single case shows: the samples validate clean. Every code's case, with its exact diagnostics, is data in
/// <c>tests/FlowCompiler.Tests/Cases/</c> (<see cref="DiagnosticCaseTests"/>).
/// </summary>
public class DiagnosticTests
{
    [Fact]
    public void Every_sample_validates_clean()
    {
        foreach (var file in SampleFiles)
        {
            var result = Validate(File.ReadAllText(file));
            Assert.True(result.Diagnostics.IsEmpty, $"{Path.GetFileName(file)}:\n{string.Join("\n", result.Diagnostics)}");
            Assert.NotNull(result.Flow);
        }
    }
}
