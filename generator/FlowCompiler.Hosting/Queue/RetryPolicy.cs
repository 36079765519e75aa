using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// When a transiently failed run is tried again: exponential backoff from <see cref="InitialDelay"/>, multiplied by
/// <see cref="Multiplier"/> per attempt, capped at <see cref="MaxDelay"/>, with up to <see cref="Jitter"/> of it
/// random (so runs that failed together do not retry together); after <see cref="MaxAttempts"/> the run is dead.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failed attempt.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How much longer each next wait is.</summary>
    public double Multiplier { get; init; } = 4;

    /// <summary>The longest wait.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The share of a wait that is random, from 0 (none) to 1.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>This policy with what a node's <c>retry</c> sets in place of its members; unchanged for null.</summary>
    public RetryPolicy With(NodeRetry? node) => node is null ? this : new()
    {
        MaxAttempts = node.Attempts ?? MaxAttempts,
        InitialDelay = node.InitialDelayMs is { } initial ? TimeSpan.FromMilliseconds(initial) : InitialDelay,
        Multiplier = node.Multiplier ?? Multiplier,
        MaxDelay = node.MaxDelayMs is { } longest ? TimeSpan.FromMilliseconds(longest) : MaxDelay,
        Jitter = node.Jitter ?? Jitter,
    };

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (from 1), or null when the run is out of attempts.</summary>
    /// <param name="attempt">The attempt that failed.</param>
    /// <param name="random">A number in [0, 1): where in the jitter band this wait falls.</param>
    public TimeSpan? DelayAfter(int attempt, double random)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var full = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, attempt - 1), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (1 - (Jitter * random)));
    }
}
