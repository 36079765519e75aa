using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Editor.Api;

/// <summary>A diagnostic as the page shows it: on its node and property.</summary>
/// <param name="Code">Stable code such as <c>FLOW0019</c>.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="NodeId">The node it is about, or null for the document or an edge.</param>
/// <param name="Path">JSON path of the offending value.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record DiagnosticDto(string Code, string Severity, string? NodeId, string Path, string Message)
{
    internal static DiagnosticDto From(FlowDiagnostic d) =>
        new(d.Code, d.Severity == FlowSeverity.Error ? "error" : "warning", d.NodeId, d.Path, d.Message);
}
