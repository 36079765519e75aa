namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>Where a queued run is.</summary>
public enum QueuedRunState
{
    /// <summary>Waiting for its time (<see cref="QueuedRunRecord.AvailableAt"/>).</summary>
    Queued,

    /// <summary>Claimed by a worker, under a lease.</summary>
    Running,

    /// <summary>Out of attempts, or failed for good: kept with its error until someone replays or discards it.</summary>
    Dead,
}
