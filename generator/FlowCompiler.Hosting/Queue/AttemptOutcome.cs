namespace FlowCompiler.Hosting.Queue;

/// <summary>How one attempt at a queued run ended, as the worker decides what happens to the run next.</summary>
public abstract record AttemptOutcome
{
    private AttemptOutcome()
    {
    }

    /// <summary>The run finished (its nodes succeeded, or failed in a way retrying cannot change): it leaves the queue.</summary>
    public static AttemptOutcome Finished { get; } = new FinishedOutcome();

    /// <summary>A failure that may pass (a timeout, a 5xx, 429, an SMTP 4xx, a locked database): retry later.</summary>
    public static AttemptOutcome Transient(string error) => new TransientOutcome(error);

    /// <summary>A failure that will not pass (a 4xx, a value that does not parse): the run is dead at once.</summary>
    public static AttemptOutcome Permanent(string error) => new PermanentOutcome(error);

    /// <summary>The run finished.</summary>
    public sealed record FinishedOutcome : AttemptOutcome;

    /// <summary>Retry later.</summary>
    /// <param name="Error">What failed.</param>
    public sealed record TransientOutcome(string Error) : AttemptOutcome;

    /// <summary>Do not retry.</summary>
    /// <param name="Error">What failed.</param>
    public sealed record PermanentOutcome(string Error) : AttemptOutcome;
}
