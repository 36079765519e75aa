using System.Globalization;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Tests.Language;

/// <summary>
/// Diagnostics as data, as Scriban keeps its input/output pairs: each folder of
/// <c>tests/FlowCompiler.Tests/Cases/NNN-name/</c> holds a <c>flow.json</c> that breaks a rule and an
/// <c>expected.txt</c> with every diagnostic validation reports for it, one per line as <c>flowc validate</c>
/// prints them (<c>error FLOW0019 [f] $.nodes[1].parameters.field: message</c>), in the order found.
/// Case NNN below 900 is code FLOW0NNN (a second case of one code takes a letter: <c>019b-…</c>); cases from 900
/// on combine several problems in one flow. <c>FLOWC_ACCEPT_GOLDEN=1</c>
/// writes the expected files (see <see cref="GoldenFile"/>).
/// </summary>
public sealed class DiagnosticCaseTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.TestProject, "Cases");

    private static readonly IReadOnlyList<string> CaseNames =
        [.. Directory.GetDirectories(Folder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Cases => [.. CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validation_reports_exactly_the_expected_diagnostics(string name)
    {
        var result = Validate(name);

        GoldenFile.AssertMatches(Path.Combine(Folder, name, "expected.txt"), string.Concat(result.Diagnostics.Select(d => d + "\n")));

        // An error stops binding; a warning alone never stops a publish.
        Assert.Equal(result.HasErrors, result.Flow is null);
    }

    [Fact]
    public void Every_code_has_a_case()
    {
        var covered = CaseNames.SelectMany(c => Validate(c).Diagnostics).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        var uncovered = DiagnosticCodes.All.Select(c => c.Id).Where(id => !covered.Contains(id)).ToList();

        Assert.True(uncovered.Count == 0, "codes without a case in tests/FlowCompiler.Tests/Cases: " + string.Join(", ", uncovered));
        Assert.Equal(DiagnosticCodes.All.Count, DiagnosticCodes.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Every_case_is_numbered_after_the_code_it_shows()
    {
        foreach (var name in CaseNames)
        {
            Assert.Matches("^[0-9]{3}[a-z]?-[a-z0-9-]+$", name);
            Assert.True(File.Exists(Path.Combine(Folder, name, "flow.json")), $"{name} has no flow.json");
            var number = int.Parse(name[..3], CultureInfo.InvariantCulture);
            if (number < 900)
            {
                var code = $"FLOW{number:0000}";
                Assert.True(Validate(name).Diagnostics.Any(d => d.Code == code), $"case {name} does not report {code}");
            }
        }
    }

    private static FlowValidation Validate(string name) => FlowValidator.Validate(File.ReadAllBytes(Path.Combine(Folder, name, "flow.json")));
}
