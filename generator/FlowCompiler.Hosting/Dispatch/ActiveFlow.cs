using FlowCompiler.Generator.Compilation;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// One published flow version, loaded and callable. A run holds on to the instance it started with, so a
/// version that is replaced mid-run finishes on its own code; that code unloads with its load context, once
/// the context's flows are all released and their last runs have ended.
/// </summary>
internal sealed class ActiveFlow
{
    public ActiveFlow(LoadedFlow loaded, int version, int maxConcurrentRuns)
        : this(loaded, version, new SemaphoreSlim(maxConcurrentRuns, maxConcurrentRuns))
    {
    }

    private ActiveFlow(LoadedFlow loaded, int version, SemaphoreSlim gate)
    {
        Loaded = loaded;
        Version = version;
        Gate = gate;
    }

    /// <summary>The flow id.</summary>
    public string Id => Loaded.Descriptor.FlowId;

    /// <summary>The event the flow listens to.</summary>
    public string EventName => Loaded.Descriptor.EventName;

    /// <summary>The version number in the flows table.</summary>
    public int Version { get; }

    /// <summary>The compiled code.</summary>
    public LoadedFlow Loaded { get; }

    /// <summary>Bounds the runs of this flow in progress at once.</summary>
    public SemaphoreSlim Gate { get; }

    /// <summary>The same version running from another copy of its code (after a repack); runs of both share one concurrency bound.</summary>
    public ActiveFlow Reloaded(LoadedFlow loaded) => new(loaded, Version, Gate);

    /// <summary>
    /// Whether the event gets past the flow's first filters. A filter that throws counts as accepted, so the
    /// run happens and records the failure instead of hiding it.
    /// </summary>
    public bool Accepts(object payload)
    {
        try
        {
            return Loaded.Accepts(payload);
        }
        catch (Exception)
        {
            return true;
        }
    }
}
