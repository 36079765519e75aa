namespace FlowCompiler.Hosting.Records;

/// <summary>Where run records go: the runs and run-nodes tables of the panel database.</summary>
public interface IRunRecordStore
{
    /// <summary>Writes a batch of finished runs in one transaction.</summary>
    Task WriteAsync(IReadOnlyList<RunRecordDraft> batch, CancellationToken ct);

    /// <summary>Deletes runs started before <paramref name="olderThan"/>, then all but the newest <paramref name="keep"/>.</summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, int keep, CancellationToken ct);
}
