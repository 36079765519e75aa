using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Editor.Api;

/// <summary>What <c>POST /api/analyze</c> answers: the validator's findings and what each node sees.</summary>
/// <param name="Diagnostics">Every error and warning, in the order found.</param>
/// <param name="Scopes">By node id, every path the node can use with its type (what completion offers); nodes not reachable from the trigger are absent.</param>
public sealed record Analysis(IReadOnlyList<DiagnosticDto> Diagnostics, IReadOnlyDictionary<string, IReadOnlyList<ScopeField>> Scopes)
{
    internal static Analysis From(FlowValidation validation) => new(
        [.. validation.Diagnostics.Select(DiagnosticDto.From)],
        validation.Scopes.ToDictionary(s => s.Key, s => ScopeField.Of(s.Value), StringComparer.Ordinal));
}
