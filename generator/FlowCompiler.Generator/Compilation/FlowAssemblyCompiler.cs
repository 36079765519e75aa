using System.Text;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// Compiles a bound flow with Roslyn: Release, deterministic, the assembly named after the content hash,
/// an embedded portable PDB holding the C#, so debuggers and stack traces show the flow's generated lines.
/// </summary>
public static class FlowAssemblyCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        warningLevel: 9999,
        generalDiagnosticOption: ReportDiagnostic.Error);

    /// <summary>
    /// Emits and compiles <paramref name="flow"/>; throws <see cref="FlowCompilerBugException"/> when Roslyn rejects the
    /// code or the assembly uses anything outside <see cref="FlowAssemblyAudit"/>'s allow-lists.
    /// </summary>
    public static CompiledFlow Compile(BoundFlow flow, string contentHash) => CompileSource(flow.Id, FlowEmitter.EmitWithSpans(flow), contentHash);

    /// <summary>Compiles <paramref name="emitted"/> code; separate from emission so tests can feed it code the emitter never writes.</summary>
    internal static CompiledFlow CompileSource(string flowId, EmittedFlow emitted, string contentHash)
    {
        var source = emitted.Source;
        var path = $"{flowId}.{contentHash[..12]}.cs";
        var text = SourceText.From(source, Encoding.UTF8);
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path);
        var compilation = CSharpCompilation.Create($"Flow.{flowId}.{contentHash}", [tree], FlowReferences.All, Options);

        using var assembly = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(
            assembly,
            pdb,
            embeddedTexts: [EmbeddedText.FromSource(path, text)],
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: Path.ChangeExtension(path, ".pdb")));
        var errors = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || errors.Count > 0)
        {
            var first = errors.FirstOrDefault() ?? result.Diagnostics.First();
            var line = first.Location.GetLineSpan().StartLinePosition.Line;
            throw new FlowCompilerBugException(
                flowId,
                emitted.NodeAt(line + 1),
                $"{first.Id} at line {line + 1} of the generated C#: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}",
                [.. errors.Select(e => e.ToString())]);
        }

        var image = assembly.ToArray();
        FlowAssemblyAudit.Check(flowId, image);
        return new CompiledFlow(contentHash, $"{FlowEmitter.Namespace}.{FlowEmitter.ClassNameOf(flowId)}", image, pdb.ToArray(), source);
    }
}
