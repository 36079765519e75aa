using FlowCompiler.Generator.Emit;

namespace FlowCompiler.Editor.Api;

/// <summary>What <c>POST /api/emit</c> answers: the generated C# and where each node's code is.</summary>
/// <param name="Source">The C# file, as the compiler gets it.</param>
/// <param name="Nodes">By node id, its lines (1-based, inclusive): the trigger's is the entry method.</param>
public sealed record GeneratedCode(string Source, IReadOnlyDictionary<string, LineSpan> Nodes)
{
    internal static GeneratedCode From(EmittedFlow emitted) => new(emitted.Source, emitted.NodeSpans);
}
