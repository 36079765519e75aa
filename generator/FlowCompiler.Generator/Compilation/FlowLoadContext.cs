using System.Runtime.Loader;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// One collectible <see cref="AssemblyLoadContext"/> holding the assemblies of several flow versions, filled
/// once and then closed to further loads. It unloads when the last of its flows is released.
/// </summary>
/// <remarks>
/// Why share: each collectible context gets its own loader heaps, so flows that each live in their own
/// context scatter their code and call stubs over separate pages. Measured on this project's machine, a call
/// into one of 100 such flows costs about 60 ns, against about 4 ns when the same 100 assemblies share one
/// context (see the README's Performance section). A host therefore loads flows together where it can, and
/// repacks flows that were published one by one (<see cref="LoadTogether"/>).
/// </remarks>
public sealed class FlowLoadContext
{
    private readonly AssemblyLoadContext _context;
    private int _live;

    private FlowLoadContext(string name, int count)
    {
        _context = new AssemblyLoadContext(name, isCollectible: true);
        Size = count;
        _live = count;
    }

    /// <summary>How many flow versions were loaded into the context.</summary>
    public int Size { get; }

    /// <summary>How many of them are not yet released; the context unloads when this reaches zero.</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>Whether at least half of the loaded versions were released: their code stays loaded until the context unloads.</summary>
    public bool IsSparse => Live * 2 <= Size && Size > 1;

    /// <summary>
    /// Loads <paramref name="flows"/> into one new context, after checking every assembly against
    /// <see cref="FlowAssemblyAudit"/> (an assembly may come from the disk cache). A violation throws
    /// <see cref="FlowCompilerBugException"/> and nothing is loaded.
    /// </summary>
    public static IReadOnlyList<LoadedFlow> LoadTogether(IReadOnlyList<CompiledFlow> flows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(flows.Count);
        foreach (var flow in flows)
        {
            FlowAssemblyAudit.Check(flow.ClassName, flow.Assembly);
        }

        var context = new FlowLoadContext(flows.Count == 1 ? "flow " + flows[0].ContentHash : $"{flows.Count} flows", flows.Count);
        var loaded = new LoadedFlow[flows.Count];
        for (var i = 0; i < flows.Count; i++)
        {
            using var image = new MemoryStream(flows[i].Assembly, writable: false);
            using var symbols = flows[i].Pdb.Length == 0 ? null : new MemoryStream(flows[i].Pdb, writable: false);
            loaded[i] = LoadedFlow.Bind(context, context._context.LoadFromStream(image, symbols), flows[i]);
        }

        return loaded;
    }

    /// <summary>Called once per loaded flow by <see cref="LoadedFlow.Unload"/>.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _live) == 0)
        {
            _context.Unload();
        }
    }
}
