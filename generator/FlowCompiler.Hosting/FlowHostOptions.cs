namespace FlowCompiler.Hosting;

/// <summary>
/// How the host runs flows: concurrency, the durable run queue (leases, retries), the per-run timeout, and
/// how much run history is kept. Bound from the <c>FlowCompiler:Host</c> configuration section.
/// </summary>
public sealed class FlowHostOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = Runtime.Configuration.FlowRuntimeSections.Host;

    /// <summary>Runs in progress at once, over all flows (raised and queued together).</summary>
    public int MaxConcurrentRuns { get; set; } = 64;

    /// <summary>Runs of one flow in progress at once, so one busy flow cannot take every slot.</summary>
    public int MaxConcurrentRunsPerFlow { get; set; } = 16;

    /// <summary>
    /// Whether this host works the durable run queue in the background (claims, runs, retries). Off for a process that
    /// only accepts events (<c>flowc enqueue</c>) or when other processes run the queue (<c>flowc worker</c>).
    /// </summary>
    public bool WorkQueue { get; set; } = true;

    /// <summary>
    /// How long a worker holds a queued run it claimed; renewed every third of it while the run goes on. A worker that
    /// died (kill -9, power loss) leaves its runs to the next worker once this has passed.
    /// </summary>
    public TimeSpan QueueLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a worker with nothing due waits before it looks again (for runs other processes accepted).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts of a queued run in all, the first included, when its failing node sets no <c>retry</c> of its own.</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>The wait after a first transient failure; each next wait is 4× longer, up to <see cref="RetryMaxDelay"/>, with 20 % jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two attempts of a queued run.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest one run may take; then it is cancelled and recorded as failed.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long disposing a host that was not stopped first lets the runs in progress finish; the ones still going
    /// (a flow that ignores cancellation) are handed back to the queue, so disposing never hangs.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Run records older than this are deleted.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>At most this many run records are kept; the oldest go first.</summary>
    public int RetentionCount { get; set; } = 100_000;

    /// <summary>Run records written to the database in one batch.</summary>
    public int RecordBatchSize { get; set; } = 1_000;

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
    /// Whether a flow the compile cache does not hold yet is served by the reference interpreter the moment it is
    /// published (or loaded at start-up), while Roslyn compiles it in the background; its compiled code takes over
    /// when it is loaded and prepared (<see cref="FlowTier"/>). Off, a publish waits for the compiler (1–3 s cold) and
    /// a start-up with a cold cache waits for every flow's compile.
    /// </summary>
    public bool TieredActivation { get; set; } = true;

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
        : QueueLease < TimeSpan.FromSeconds(1) ? Problem(nameof(QueueLease), "must be at least 1 second, e.g. 00:00:30")
        : QueuePollInterval <= TimeSpan.Zero ? Problem(nameof(QueuePollInterval), "must be positive, e.g. 00:00:01")
        : RetryAttempts < 1 ? Problem(nameof(RetryAttempts), "must be at least 1")
        : RetryDelay < TimeSpan.Zero ? Problem(nameof(RetryDelay), "must not be negative")
        : RetryMaxDelay < RetryDelay ? Problem(nameof(RetryMaxDelay), "must be at least RetryDelay")
        : RunTimeout <= TimeSpan.Zero ? Problem(nameof(RunTimeout), "must be positive, e.g. 00:01:00")
        : ShutdownTimeout < TimeSpan.Zero ? Problem(nameof(ShutdownTimeout), "must not be negative, e.g. 00:00:30")
        : RetentionDays < 1 ? Problem(nameof(RetentionDays), "must be at least 1")
        : RetentionCount < 1 ? Problem(nameof(RetentionCount), "must be at least 1")
        : RecordBatchSize < 1 ? Problem(nameof(RecordBatchSize), "must be at least 1")
        : FlowsPerLoadContext < 1 ? Problem(nameof(FlowsPerLoadContext), "must be at least 1")
        : null;

    /// <summary>The retry policy of a queued run whose failing node sets none.</summary>
    internal Queue.RetryPolicy DefaultRetry => new() { MaxAttempts = RetryAttempts, InitialDelay = RetryDelay, MaxDelay = RetryMaxDelay };

    private static string Problem(string setting, string rule) => $"Setting {Section}:{setting} {rule}.";
}
