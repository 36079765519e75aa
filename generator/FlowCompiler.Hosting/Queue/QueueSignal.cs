namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// Wakes an idle worker: set when this process accepted runs or a run finished (its flow has room again). Several sets
/// before a wait count as one; a wait ends at the first set or at its timeout.
/// </summary>
public sealed class QueueSignal
{
    private readonly SemaphoreSlim _set = new(0, 1);

    /// <summary>Wakes the waiting worker, or the next one to wait.</summary>
    public void Set()
    {
        try
        {
            _set.Release();
        }
        catch (SemaphoreFullException)
        {
            // Set already: the waiter wakes once either way.
        }
    }

    /// <summary>Waits for <see cref="Set"/>, at most <paramref name="timeout"/>; false when it timed out.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _set.WaitAsync(timeout, ct);
}
