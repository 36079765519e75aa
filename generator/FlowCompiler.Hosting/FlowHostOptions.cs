namespace FlowCompiler.Hosting;

/// <summary>
/// How the host runs flows: concurrency, the background queue and its full policy, the per-run timeout, and
/// how much run history is kept. Bound from the <c>FlowCompiler:Host</c> configuration section.
/// </summary>
public sealed class FlowHostOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = Runtime.Configuration.FlowRuntimeSections.Host;

    /// <summary>Runs in progress at once, over all flows (awaited and queued together).</summary>
    public int MaxConcurrentRuns { get; set; } = 64;

    /// <summary>Runs of one flow in progress at once, so one busy flow cannot take every slot.</summary>
    public int MaxConcurrentRunsPerFlow { get; set; } = 16;

    /// <summary>Runs waiting in the background queue before a queued raise has to wait.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long a queued raise waits for room when the queue is full before it fails with
    /// <see cref="FlowQueueFullException"/>. An event is never dropped silently.
    /// </summary>
    public TimeSpan QueueFullWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest one run may take; then it is cancelled and recorded as failed.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Run records older than this are deleted.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>At most this many run records are kept; the oldest go first.</summary>
    public int RetentionCount { get; set; } = 100_000;

    /// <summary>Run records written to the database in one batch.</summary>
    public int RecordBatchSize { get; set; } = 200;

    /// <summary>
    /// How many published flow versions share one collectible load context before the host opens a new one.
    /// Sharing makes calls into flows faster (see the README's Performance section); replaced versions stay
    /// loaded until the host moves the live flows of a half-replaced context elsewhere.
    /// </summary>
    public int FlowsPerLoadContext { get; set; } = 64;

    /// <summary>
    /// Whether the host JIT-compiles flows in the background after start-up, each publish and each repack, so
    /// the first event after a load does not wait for the JIT (about 10–20 ms for a mail flow). Off saves that
    /// CPU on a host with many flows that rarely run; their first event then pays it.
    /// </summary>
    public bool PrepareFlows { get; set; } = true;

    /// <summary>
    /// A folder of flow files (<c>*.json</c>) the host publishes at start-up, after loading the stored flows; relative
    /// to the host's content root; null for none. A file whose content is published already makes no new version;
    /// one that does not publish is logged and its flow's stored version, if any, keeps running.
    /// </summary>
    public string? PublishDirectory { get; set; }

    /// <summary>The first setting that makes no sense, named by its configuration key, or null when all are fine.</summary>
    public string? FindProblem() =>
        MaxConcurrentRuns < 1 ? Problem(nameof(MaxConcurrentRuns), "must be at least 1")
        : MaxConcurrentRunsPerFlow < 1 ? Problem(nameof(MaxConcurrentRunsPerFlow), "must be at least 1")
        : QueueCapacity < 1 ? Problem(nameof(QueueCapacity), "must be at least 1")
        : QueueFullWait < TimeSpan.Zero ? Problem(nameof(QueueFullWait), "must not be negative")
        : RunTimeout <= TimeSpan.Zero ? Problem(nameof(RunTimeout), "must be positive, e.g. 00:01:00")
        : RetentionDays < 1 ? Problem(nameof(RetentionDays), "must be at least 1")
        : RetentionCount < 1 ? Problem(nameof(RetentionCount), "must be at least 1")
        : RecordBatchSize < 1 ? Problem(nameof(RecordBatchSize), "must be at least 1")
        : FlowsPerLoadContext < 1 ? Problem(nameof(FlowsPerLoadContext), "must be at least 1")
        : null;

    private static string Problem(string setting, string rule) => $"Setting {Section}:{setting} {rule}.";
}
