using System.Text;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Validation;

/// <summary>
/// The front end in one call: import (§1), graph rules (§2), binding of scopes, types, templates and
/// nodes (§3–§5). One pass collects every diagnostic; it never stops at the first.
/// </summary>
public static class FlowValidator
{
    /// <summary>Validates a flow document given as UTF-8 bytes.</summary>
    public static FlowValidation Validate(ReadOnlyMemory<byte> utf8)
    {
        var diagnostics = new DiagnosticBag();
        var document = FlowDocumentReader.Read(utf8, diagnostics);
        return document is null
            ? new FlowValidation(diagnostics.ToImmutable(), null, null)
            : Validate(document, diagnostics);
    }

    /// <summary>Validates a flow document given as text.</summary>
    public static FlowValidation Validate(string json) => Validate(Encoding.UTF8.GetBytes(json));

    /// <summary>Validates an imported document, adding to diagnostics the reader already found.</summary>
    public static FlowValidation Validate(FlowDocument document, DiagnosticBag diagnostics)
    {
        var graph = FlowGraph.Build(document, diagnostics);
        var flow = FlowBinder.Bind(document, graph, diagnostics, out var scopes);
        return new FlowValidation(diagnostics.ToImmutable(), document, diagnostics.HasErrors ? null : flow) { Scopes = scopes };
    }
}
