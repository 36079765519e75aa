using System.Runtime.Loader;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// One collectible <see cref="AssemblyLoadContext"/> holding the assemblies of several flow versions. Flows are
/// loaded into it until it is closed; it unloads once it is closed and every flow loaded into it was released.
/// </summary>
/// <remarks>
/// Why share: each collectible context gets its own loader heaps, so flows that each live in their own
/// context scatter their code and call stubs over separate pages. A call into one of 100 such flows costs
/// about 60 ns, against about 4 ns when the same 100 assemblies share one context (<c>LoadContextBenchmarks</c>
/// in <c>bench/</c>). The price is coarser unloading: a released flow's code stays loaded until its context
/// unloads, so a host moves the live flows of a <see cref="IsSparse"/> context elsewhere.
/// </remarks>
public sealed class FlowLoadContext
{
    private readonly AssemblyLoadContext _context;
    private readonly Lock _gate = new();
    private int _size;
    private int _live;
    private bool _closed;
    private bool _unloaded;

    /// <summary>Creates an empty, open context.</summary>
    /// <param name="name">Shown by debuggers and in memory dumps.</param>
    public FlowLoadContext(string name) => _context = new AssemblyLoadContext(name, isCollectible: true);

    /// <summary>How many flow versions were loaded into the context.</summary>
    public int Size => Volatile.Read(ref _size);

    /// <summary>How many of them are not yet released.</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>Whether <see cref="Close"/> was called: no more flows can be loaded.</summary>
    public bool IsClosed => Volatile.Read(ref _closed);

    /// <summary>
    /// Whether at least half of four or more loaded versions were released: their code stays loaded until the
    /// context unloads, so the live ones are worth moving to a new context.
    /// </summary>
    public bool IsSparse => Size >= 4 && Live * 2 <= Size;

    /// <summary>
    /// Loads <paramref name="flows"/> into one new context and closes it, after checking every assembly against
    /// <see cref="FlowAssemblyAudit"/> (an assembly may come from the disk cache). A violation throws
    /// <see cref="FlowCompilerBugException"/> and nothing is loaded; so does any other failure to load one.
    /// </summary>
    public static IReadOnlyList<LoadedFlow> LoadTogether(IReadOnlyList<CompiledFlow> flows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(flows.Count);
        foreach (var flow in flows)
        {
            FlowAssemblyAudit.Check(flow.ClassName, flow.Assembly);
        }

        var context = new FlowLoadContext(flows.Count == 1 ? "flow " + flows[0].ContentHash : $"{flows.Count} flows");
        var loaded = new List<LoadedFlow>(flows.Count);
        try
        {
            foreach (var flow in flows)
            {
                loaded.Add(context.LoadAudited(flow));
            }
        }
        catch
        {
            // Whatever did load is released, so the context unloads: all or nothing.
            foreach (var flow in loaded)
            {
                flow.Unload();
            }

            context.Close();
            throw;
        }

        context.Close();
        return loaded;
    }

    /// <summary>
    /// Loads one more flow, after checking it against <see cref="FlowAssemblyAudit"/>: a violation throws
    /// <see cref="FlowCompilerBugException"/> and nothing is loaded.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context is closed.</exception>
    public LoadedFlow Load(CompiledFlow compiled)
    {
        FlowAssemblyAudit.Check(compiled.ClassName, compiled.Assembly);
        return LoadAudited(compiled);
    }

    /// <summary>Takes no more flows; the context unloads once every flow in it is released (at once if none is live).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            UnloadIfDone();
        }
    }

    /// <summary>Called once per loaded flow by <see cref="LoadedFlow.Unload"/>.</summary>
    internal void Release()
    {
        lock (_gate)
        {
            _live--;
            UnloadIfDone();
        }
    }

    private LoadedFlow LoadAudited(CompiledFlow compiled)
    {
        lock (_gate)
        {
            if (_closed)
            {
                throw new InvalidOperationException("This load context is closed; load the flow into a new one.");
            }

            using var image = new MemoryStream(compiled.Assembly, writable: false);
            using var symbols = compiled.Pdb.Length == 0 ? null : new MemoryStream(compiled.Pdb, writable: false);
            var loaded = LoadedFlow.Bind(this, _context.LoadFromStream(image, symbols), compiled);
            _size++;
            _live++;
            return loaded;
        }
    }

    private void UnloadIfDone()
    {
        if (_closed && _live == 0 && !_unloaded)
        {
            _unloaded = true;
            _context.Unload();
        }
    }
}
