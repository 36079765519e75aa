using FlowCompiler.Runtime.Persistence.Records;

namespace FlowCompiler.Hosting.Records;

/// <summary>Where run records go and are read back: the runs and run-nodes tables of the panel database.</summary>
public interface IRunRecordStore
{
    /// <summary>Writes a batch of finished runs in one transaction.</summary>
    Task WriteAsync(IReadOnlyList<RunRecordDraft> batch, CancellationToken ct);

    /// <summary>Deletes runs started before <paramref name="olderThan"/>, then all but the newest <paramref name="keep"/>.</summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, int keep, CancellationToken ct);

    /// <summary>Reads recorded runs, newest first: all, one flow's, or only failed ones.</summary>
    Task<IReadOnlyList<RunRecord>> ReadAsync(string? flowId, bool failedOnly, int limit, CancellationToken ct);
}
