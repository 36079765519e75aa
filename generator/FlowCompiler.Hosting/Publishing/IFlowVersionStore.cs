namespace FlowCompiler.Hosting.Publishing;

/// <summary>The flows table: every version of every flow, and which one is published.</summary>
public interface IFlowVersionStore
{
    /// <summary>Every published version (at most one per flow).</summary>
    Task<IReadOnlyList<StoredFlowVersion>> PublishedAsync(CancellationToken ct);

    /// <summary>Every version of every flow, by flow id then version.</summary>
    Task<IReadOnlyList<StoredFlowVersion>> ListAsync(CancellationToken ct);

    /// <summary>Every version of one flow, newest first (empty when it was never published).</summary>
    Task<IReadOnlyList<StoredFlowVersion>> ListAsync(string flowId, CancellationToken ct);

    /// <summary>One version, or null.</summary>
    Task<StoredFlowVersion?> FindAsync(string flowId, int version, CancellationToken ct);

    /// <summary>The newest version of a flow, or null when it was never published.</summary>
    Task<StoredFlowVersion?> LatestAsync(string flowId, CancellationToken ct);

    /// <summary>
    /// Stores a new version (the next number) as the published one, unpublishing the others, in one transaction;
    /// unless the newest version already holds <paramref name="contentHash"/> and is published: then that one is
    /// returned and nothing is stored (<c>Added</c> is false). The store decides, so publishes of one content that
    /// race each other, in any number of processes, store one version. <paramref name="actor"/> is recorded as who published it.
    /// </summary>
    Task<(StoredFlowVersion Version, bool Added)> AddPublishedAsync(string flowId, string name, string eventName, string canonicalJson, string contentHash, string? actor, CancellationToken ct);

    /// <summary>Makes <paramref name="version"/> the published one, or unpublishes the flow when it is null.</summary>
    Task SetPublishedAsync(string flowId, int? version, CancellationToken ct);
}
