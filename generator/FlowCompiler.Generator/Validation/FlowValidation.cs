using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Validation;

/// <summary>Everything one validation pass found.</summary>
/// <param name="Diagnostics">Every error and warning, in the order found.</param>
/// <param name="Document">The imported document, unless the JSON was unreadable.</param>
/// <param name="Flow">The bound flow, only when there is no error.</param>
public sealed record FlowValidation(ImmutableArray<FlowDiagnostic> Diagnostics, FlowDocument? Document, BoundFlow? Flow)
{
    /// <summary>What each node reachable from the trigger sees, by node id, even when there are errors (empty when the document was unreadable).</summary>
    public IReadOnlyDictionary<string, Scope> Scopes { get; init; } = new Dictionary<string, Scope>();

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == FlowSeverity.Error);
}
