using FlowCompiler.Hosting.Records;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// How a worker settles a claimed run: it finished (the row leaves the queue), it is due again later (a retry), or it
/// is dead. A finished or dead run's record is written in the same transaction, so a run is recorded exactly once.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Worker">The worker that holds it; the settlement is refused (fenced) when another holds it now.</param>
/// <param name="RetryAt">When a retry is due; null when the run finished or is dead.</param>
/// <param name="Error">Why the attempt failed; null when the run finished.</param>
/// <param name="Record">The run's record (finished or dead runs), or null.</param>
public sealed record RunSettlement(Guid RunId, string Worker, DateTimeOffset? RetryAt, string? Error, RunRecordDraft? Record)
{
    /// <summary>Whether the run finished and leaves the queue.</summary>
    public bool Finished => Error is null;

    /// <summary>Whether the run is out of attempts or failed for good.</summary>
    public bool Dead => Error is not null && RetryAt is null;
}
