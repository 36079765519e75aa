using System.Collections.Immutable;

namespace FlowCompiler.Generator.Diagnostics;

/// <summary>
/// Collects diagnostics across all validation stages, so one pass reports every problem instead of
/// stopping at the first.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<FlowDiagnostic> _items = [];

    /// <summary>True once any error has been reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Reports an error.</summary>
    public void Error(DiagnosticCode code, string? nodeId, string path, string message) =>
        Add(new FlowDiagnostic(code.Id, FlowSeverity.Error, nodeId, path, message));

    /// <summary>Reports a warning.</summary>
    public void Warning(DiagnosticCode code, string? nodeId, string path, string message) =>
        Add(new FlowDiagnostic(code.Id, FlowSeverity.Warning, nodeId, path, message));

    /// <summary>Adds a diagnostic as it is.</summary>
    public void Add(FlowDiagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.Severity == FlowSeverity.Error;
    }

    /// <summary>The diagnostics in the order they were reported.</summary>
    public ImmutableArray<FlowDiagnostic> ToImmutable() => [.. _items];
}
