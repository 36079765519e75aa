using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Hosting.Publishing;

/// <summary>
/// What a publish did. When <see cref="Succeeded"/> is false nothing that runs has changed, and
/// <see cref="Diagnostics"/> says what to fix in the flow.
/// </summary>
public sealed record PublishResult
{
    /// <summary>Whether the flow is now published.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The flow id, when the document had one.</summary>
    public string? FlowId { get; init; }

    /// <summary>The published version.</summary>
    public int Version { get; init; }

    /// <summary>The compile cache key of the published version.</summary>
    public string? ContentHash { get; init; }

    /// <summary>Whether the compiled assembly came from the cache (Roslyn not used).</summary>
    public bool CacheHit { get; init; }

    /// <summary>
    /// What serves the version now: <see cref="FlowTier.Compiled"/>, or <see cref="FlowTier.Interpreted"/> while it
    /// compiles in the background (<see cref="FlowHostOptions.TieredActivation"/>).
    /// </summary>
    public FlowTier Tier { get; init; } = FlowTier.Compiled;

    /// <summary>Whether the flow was identical to its published version, so nothing changed.</summary>
    public bool Unchanged { get; init; }

    /// <summary>Validate, compile (or cache hit), load and swap in.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Errors and warnings; errors only when the publish failed.</summary>
    public IReadOnlyList<FlowDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Why the publish failed when it was not the flow's fault (an internal compiler error, a database error).</summary>
    public string? Error { get; init; }
}
