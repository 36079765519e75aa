namespace FlowCompiler.Generator.Diagnostics;

/// <summary>
/// One finding about a flow, addressed so an editor can put it on the right node and property.
/// </summary>
/// <param name="Code">Stable code such as <c>FLOW0019</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="NodeId">The node it is about, or null for the document or an edge.</param>
/// <param name="Path">JSON path of the offending value, e.g. <c>$.nodes[2].parameters.field</c>.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record FlowDiagnostic(string Code, FlowSeverity Severity, string? NodeId, string Path, string Message)
{
    /// <summary>A one-line form for terminals: <c>error FLOW0019 [is-vip] $.nodes[2]…: message</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == FlowSeverity.Error ? "error" : "warning";
        var node = NodeId is null ? "" : $" [{NodeId}]";
        return $"{severity} {Code}{node} {Path}: {Message}";
    }
}
