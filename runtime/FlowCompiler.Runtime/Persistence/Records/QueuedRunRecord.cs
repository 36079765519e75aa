namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>
/// One accepted (event, flow version) pair waiting to run, running under a lease, or dead. Table <c>runQueue</c>.
/// A run leaves the table when it finished; a worker holds a run only while its lease lasts, so a run whose worker
/// died is claimed again when the lease runs out. Times are Unix milliseconds (UTC), compared as numbers on every provider.
/// </summary>
public sealed class QueuedRunRecord
{
    /// <summary>The run id: the same on every attempt, the root of the run's idempotency keys.</summary>
    public Guid Id { get; set; }

    /// <summary>The event it runs on; one event accepted by several flows is one id across their runs.</summary>
    public Guid EventId { get; set; }

    /// <summary>The flow.</summary>
    public string FlowId { get; set; } = "";

    /// <summary>The flow version that accepted the event: the run uses it even when a newer one is published meanwhile.</summary>
    public int FlowVersion { get; set; }

    /// <summary>The event name.</summary>
    public string EventName { get; set; } = "";

    /// <summary>The event payload as JSON.</summary>
    public string Payload { get; set; } = "";

    /// <summary>Where the run is.</summary>
    public QueuedRunState State { get; set; }

    /// <summary>How many times a worker claimed it.</summary>
    public int Attempts { get; set; }

    /// <summary>When it may be claimed (now for a new run, later for a retry).</summary>
    public long AvailableAt { get; set; }

    /// <summary>When it was accepted.</summary>
    public long EnqueuedAt { get; set; }

    /// <summary>The worker holding it, while <see cref="State"/> is running.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the worker holds it; after that another worker may claim it.</summary>
    public long? LeaseUntil { get; set; }

    /// <summary>Why the last attempt failed, or null.</summary>
    public string? LastError { get; set; }
}
