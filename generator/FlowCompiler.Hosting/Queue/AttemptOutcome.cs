using FlowCompiler.Hosting.Records;

namespace FlowCompiler.Hosting.Queue;

/// <summary>How one attempt at a queued run ended, as the worker decides what happens to the run next.</summary>
public abstract record AttemptOutcome
{
    private AttemptOutcome()
    {
    }

    /// <summary>The run's record, written when the run finishes or dies (null: nothing to record, as in the queue's own tests).</summary>
    public RunRecordDraft? Record { get; init; }

    /// <summary>The run finished (its nodes succeeded, or failed in a way retrying cannot change): it leaves the queue.</summary>
    public static AttemptOutcome Finished { get; } = new FinishedOutcome();

    /// <summary>A failure that may pass (a timeout, a 5xx, 429, an SMTP 4xx, a locked database): retry later.</summary>
    /// <param name="error">What failed.</param>
    /// <param name="retry">The failing node's retry policy, or null for the worker's default.</param>
    public static AttemptOutcome Transient(string error, RetryPolicy? retry = null) => new TransientOutcome(error, retry);

    /// <summary>A failure that will not pass (a 4xx, a value that does not parse): the run is dead at once.</summary>
    public static AttemptOutcome Permanent(string error) => new PermanentOutcome(error);

    /// <summary>The run finished.</summary>
    public sealed record FinishedOutcome : AttemptOutcome;

    /// <summary>Retry later.</summary>
    /// <param name="Error">What failed.</param>
    /// <param name="Retry">The retry policy of the node that failed, or null for the worker's default.</param>
    public sealed record TransientOutcome(string Error, RetryPolicy? Retry) : AttemptOutcome;

    /// <summary>Do not retry.</summary>
    /// <param name="Error">What failed.</param>
    public sealed record PermanentOutcome(string Error) : AttemptOutcome;
}
