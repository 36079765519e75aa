namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// How the durable queue retries a run whose node failed transiently (spec §5, "Retries"): what the flow's
/// <c>retry</c> says, over its node type's defaults. A member left null takes the host's setting
/// (<c>FlowCompiler:Host:RetryAttempts</c>, <c>RetryDelay</c>, <c>RetryMaxDelay</c>; multiplier 4, jitter 0.2).
/// </summary>
/// <param name="Attempts">Attempts of the run in all, the first included.</param>
/// <param name="InitialDelayMs">The wait after the first failed attempt, in milliseconds.</param>
/// <param name="Multiplier">How much longer each next wait is.</param>
/// <param name="MaxDelayMs">The longest wait, in milliseconds.</param>
/// <param name="Jitter">The share of each wait that is random, from 0 to 1.</param>
public sealed record NodeRetry(int? Attempts = null, int? InitialDelayMs = null, double? Multiplier = null, int? MaxDelayMs = null, double? Jitter = null)
{
    /// <summary>Whether no member is set (the host's settings apply throughout).</summary>
    public bool IsEmpty => Attempts is null && InitialDelayMs is null && Multiplier is null && MaxDelayMs is null && Jitter is null;

    /// <summary>These settings, with the members left null taken from <paramref name="defaults"/>.</summary>
    public NodeRetry Over(NodeRetry? defaults) => defaults is null ? this : new(
        Attempts ?? defaults.Attempts,
        InitialDelayMs ?? defaults.InitialDelayMs,
        Multiplier ?? defaults.Multiplier,
        MaxDelayMs ?? defaults.MaxDelayMs,
        Jitter ?? defaults.Jitter);
}
