using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Hosting.Storage;

/// <summary>The flows table (<c>flowVersions</c>) of the panel database, through EF Core.</summary>
public sealed class PanelFlowVersionStore(PanelDbContextFactory database, TimeProvider time) : IFlowVersionStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFlowVersion>> PublishedAsync(CancellationToken ct) =>
        database.UseAsync<IReadOnlyList<StoredFlowVersion>>(async db =>
            [.. (await db.FlowVersions.AsNoTracking().Where(f => f.Published).OrderBy(f => f.FlowId).ToListAsync(ct)).Select(ToStored)], ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFlowVersion>> ListAsync(CancellationToken ct) =>
        database.UseAsync<IReadOnlyList<StoredFlowVersion>>(async db =>
            [.. (await db.FlowVersions.AsNoTracking().OrderBy(f => f.FlowId).ThenBy(f => f.Version).ToListAsync(ct)).Select(ToStored)], ct);

    /// <inheritdoc />
    public Task<StoredFlowVersion?> FindAsync(string flowId, int version, CancellationToken ct) =>
        database.UseAsync(async db =>
            await db.FlowVersions.AsNoTracking().FirstOrDefaultAsync(f => f.FlowId == flowId && f.Version == version, ct) is { } found ? ToStored(found) : null, ct);

    /// <inheritdoc />
    public Task<StoredFlowVersion?> LatestAsync(string flowId, CancellationToken ct) =>
        database.UseAsync(async db =>
            await db.FlowVersions.AsNoTracking().Where(f => f.FlowId == flowId).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct) is { } found ? ToStored(found) : null, ct);

    /// <inheritdoc />
    public Task<StoredFlowVersion> AddPublishedAsync(string flowId, string name, string eventName, string canonicalJson, string contentHash, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var versions = await db.FlowVersions.Where(f => f.FlowId == flowId).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var published in versions.Where(v => v.Published))
            {
                published.Published = false;
                published.UpdatedAt = now;
            }

            var added = new FlowVersionRecord
            {
                FlowId = flowId,
                Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
                Name = name,
                TriggerEvent = eventName,
                CanonicalJson = canonicalJson,
                ContentHash = contentHash,
                Published = true,
                UpdatedAt = now,
            };
            db.FlowVersions.Add(added);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ToStored(added);
        }, ct);

    /// <inheritdoc />
    public Task SetPublishedAsync(string flowId, int? version, CancellationToken ct) =>
        database.UseAsync(async db =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var stored in await db.FlowVersions.Where(f => f.FlowId == flowId).ToListAsync(ct))
            {
                var published = stored.Version == version;
                if (stored.Published != published)
                {
                    stored.Published = published;
                    stored.UpdatedAt = now;
                }
            }

            return await db.SaveChangesAsync(ct);
        }, ct);

    private static StoredFlowVersion ToStored(FlowVersionRecord record) =>
        new(record.FlowId, record.Version, record.Name, record.TriggerEvent, record.CanonicalJson, record.ContentHash, record.Published, new DateTimeOffset(record.UpdatedAt, TimeSpan.Zero));
}
