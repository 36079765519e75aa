namespace FlowCompiler.Hosting;

/// <summary>
/// A queued raise found the background queue full for longer than <see cref="FlowHostOptions.QueueFullWait"/>.
/// The event was not queued; the caller decides whether to retry, run it awaited, or report it.
/// </summary>
public sealed class FlowQueueFullException(string eventName, int capacity, TimeSpan waited)
    : Exception($"The flow run queue is full ({capacity} runs waiting) and had no room for '{eventName}' after {waited.TotalSeconds:0.##} s. " +
                $"The event was not queued. Raise it awaited, or increase {FlowHostOptions.Section}:QueueCapacity or MaxConcurrentRuns.");
