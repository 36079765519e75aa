using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// One published flow version, callable: compiled code loaded into a load context, or, until that is ready, the
/// reference interpreter (<see cref="FlowTier"/>). A run holds on to the instance it started with, so a version that
/// is replaced mid-run (or moves from interpreted to compiled) finishes on the code it started on; compiled code
/// unloads with its load context, once the context's flows are all released and their last runs have ended.
/// </summary>
internal sealed class ActiveFlow
{
    private readonly Func<object, bool> _accepts;

    private ActiveFlow(FlowDescriptor descriptor, FlowEntryPoint entry, Func<object, bool> accepts, LoadedFlow? loaded, int version, SemaphoreSlim gate)
    {
        Descriptor = descriptor;
        Entry = entry;
        _accepts = accepts;
        Loaded = loaded;
        Version = version;
        Gate = gate;
    }

    /// <summary>The flow's id, trigger and nodes (the same on both tiers).</summary>
    public FlowDescriptor Descriptor { get; }

    /// <summary>Runs the flow once.</summary>
    public FlowEntryPoint Entry { get; }

    /// <summary>The flow id.</summary>
    public string Id => Descriptor.FlowId;

    /// <summary>The event the flow listens to.</summary>
    public string EventName => Descriptor.EventName;

    /// <summary>The version number in the flows table.</summary>
    public int Version { get; }

    /// <summary>The compiled code, or null while the interpreter serves the flow.</summary>
    public LoadedFlow? Loaded { get; }

    /// <summary>Which code runs the flow.</summary>
    public FlowTier Tier => Loaded is null ? FlowTier.Interpreted : FlowTier.Compiled;

    /// <summary>Bounds the runs of this flow in progress at once.</summary>
    public SemaphoreSlim Gate { get; }

    /// <summary>A flow version running compiled.</summary>
    public static ActiveFlow Compiled(LoadedFlow loaded, int version, int maxConcurrentRuns) =>
        new(loaded.Descriptor, loaded.Entry, loaded.Accepts, loaded, version, new SemaphoreSlim(maxConcurrentRuns, maxConcurrentRuns));

    /// <summary>A flow version served by the reference interpreter until its compiled code is ready.</summary>
    public static ActiveFlow Interpreted(FlowInterpreter interpreter, int version, int maxConcurrentRuns) =>
        new(interpreter.Descriptor, interpreter.RunAsync, interpreter.Accepts, null, version, new SemaphoreSlim(maxConcurrentRuns, maxConcurrentRuns));

    /// <summary>
    /// The same version running from <paramref name="loaded"/>: its compiled code once it is ready, or another copy of
    /// it after a repack. Runs of both share one concurrency bound.
    /// </summary>
    public ActiveFlow Reloaded(LoadedFlow loaded) => new(loaded.Descriptor, loaded.Entry, loaded.Accepts, loaded, Version, Gate);

    /// <summary>Releases the compiled code (nothing to release for the interpreter).</summary>
    public void Release() => Loaded?.Unload();

    /// <summary>
    /// Whether the event gets past the flow's first filters. A filter that throws counts as accepted, so the
    /// run happens and records the failure instead of hiding it.
    /// </summary>
    public bool Accepts(object payload)
    {
        try
        {
            return _accepts(payload);
        }
        catch (Exception)
        {
            return true;
        }
    }
}
