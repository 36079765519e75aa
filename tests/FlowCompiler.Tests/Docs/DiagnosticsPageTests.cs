using System.Reflection;
using System.Text;
using System.Xml.Linq;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Tests.Docs;

/// <summary>
/// <c>docs/diagnostics.md</c> is generated from <see cref="DiagnosticCodes"/> (each code, its title and its XML doc), so
/// it cannot drift from the code: this test fails when they differ, and <c>FLOWC_ACCEPT_DOCS=1</c> writes the page.
/// </summary>
public sealed class DiagnosticsPageTests
{
    private static readonly string PagePath = RepositoryPaths.Of("docs", "diagnostics.md");

    [Fact]
    public void The_diagnostics_page_lists_every_code_as_the_code_describes_it()
    {
        var expected = Render();
        if (Environment.GetEnvironmentVariable("FLOWC_ACCEPT_DOCS") == "1")
        {
            File.WriteAllText(PagePath, expected);
        }

        Assert.True(File.Exists(PagePath), "docs/diagnostics.md is missing: run this test with FLOWC_ACCEPT_DOCS=1");
        Assert.Equal(expected, File.ReadAllText(PagePath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_code_is_unique_and_documented()
    {
        var codes = Codes();
        Assert.Equal(codes.Count, codes.Select(c => c.Code.Id).Distinct().Count());
        Assert.All(codes, c => Assert.False(string.IsNullOrWhiteSpace(c.Summary), $"{c.Code.Id} has no XML doc summary"));
    }

    private static string Render()
    {
        var page = new StringBuilder();
        page.Append("""
            # Diagnostic codes

            Every diagnostic has a stable code (never reused for another meaning), a severity, the node id, a JSON path
            and a message that says what to write instead. `flowc validate FLOW.json --format json` prints them as one
            JSON array; the editor's `POST api/analyze` returns them with each node's scope. This page is generated from
            `generator/FlowCompiler.Generator/Diagnostics/DiagnosticCodes.cs` by `DiagnosticsPageTests`
            (`FLOWC_ACCEPT_DOCS=1` rewrites it). Each code has a case, a flow and the exact diagnostics it gets, in
            `tests/FlowCompiler.Tests/Cases/` (case NNN is `FLOW0NNN`; cases from 900 on combine several).

            | code | title | when |
            | --- | --- | --- |

            """.ReplaceLineEndings("\n"));
        foreach (var (code, summary) in Codes().OrderBy(c => c.Code.Id, StringComparer.Ordinal))
        {
            page.Append($"| `{code.Id}` | {code.Title} | {summary.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return page.ToString();
    }

    private static List<(DiagnosticCode Code, string Summary)> Codes()
    {
        var assembly = typeof(DiagnosticCodes).Assembly;
        var docs = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        return [.. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => ((DiagnosticCode)f.GetValue(null)!, Summary(docs, $"F:{typeof(DiagnosticCodes).FullName}.{f.Name}")))];
    }

    // The summary as text: <c>x</c> becomes `x`, whitespace folds to single spaces.
    private static string Summary(XDocument docs, string member)
    {
        var summary = docs.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == member)?.Element("summary");
        if (summary is null)
        {
            return "";
        }

        var text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
            XElement { Name.LocalName: "see" } see => $"`{((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "").Split('.', ':').Last()}`",
            XElement element => element.Value,
            _ => n.ToString(),
        }));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
