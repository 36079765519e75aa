namespace FlowCompiler.Generator.Emit;

/// <summary>A flow's generated C# and where each node's code is in it.</summary>
/// <param name="Source">The C# file.</param>
/// <param name="NodeSpans">
/// By node id, the lines of its code: the trigger's is the entry method; every other node's covers its
/// method and the helpers only it uses (filter test, templates, response reader).
/// </param>
public sealed record EmittedFlow(string Source, IReadOnlyDictionary<string, LineSpan> NodeSpans)
{
    /// <summary>The node whose code holds <paramref name="line"/> (1-based), or null outside every node.</summary>
    public string? NodeAt(int line) => NodeSpans.FirstOrDefault(s => s.Value.Contains(line)).Key;
}
