using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Hosting.Storage;

/// <summary>The flows table (<c>flowVersions</c>) of the panel database, through EF Core.</summary>
public sealed class PanelFlowVersionStore(PanelDbContextFactory database, TimeProvider time) : IFlowVersionStore
{
    // Each lost race means another publish stored a version; this many are more than concurrent publishers of one flow.
    private const int MaxAttempts = 10;

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFlowVersion>> PublishedAsync(CancellationToken ct) =>
        database.UseAsync<IReadOnlyList<StoredFlowVersion>>(async db =>
            [.. (await db.FlowVersions.AsNoTracking().Where(f => f.Published).OrderBy(f => f.FlowId).ToListAsync(ct)).Select(ToStored)], ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFlowVersion>> ListAsync(CancellationToken ct) =>
        database.UseAsync<IReadOnlyList<StoredFlowVersion>>(async db =>
            [.. (await db.FlowVersions.AsNoTracking().OrderBy(f => f.FlowId).ThenBy(f => f.Version).ToListAsync(ct)).Select(ToStored)], ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredFlowVersion>> ListAsync(string flowId, CancellationToken ct) =>
        database.UseAsync<IReadOnlyList<StoredFlowVersion>>(async db =>
            [.. (await db.FlowVersions.AsNoTracking().Where(f => f.FlowId == flowId).OrderByDescending(f => f.Version).ToListAsync(ct)).Select(ToStored)], ct);

    /// <inheritdoc />
    public Task<StoredFlowVersion?> FindAsync(string flowId, int version, CancellationToken ct) =>
        database.UseAsync(async db =>
            await db.FlowVersions.AsNoTracking().FirstOrDefaultAsync(f => f.FlowId == flowId && f.Version == version, ct) is { } found ? ToStored(found) : null, ct);

    /// <inheritdoc />
    public Task<StoredFlowVersion?> LatestAsync(string flowId, CancellationToken ct) =>
        database.UseAsync(async db =>
            await db.FlowVersions.AsNoTracking().Where(f => f.FlowId == flowId).OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct) is { } found ? ToStored(found) : null, ct);

    /// <inheritdoc />
    public async Task<(StoredFlowVersion Version, bool Added)> AddPublishedAsync(string flowId, string name, string eventName, string canonicalJson, string contentHash, string? actor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.UseAsync(db => AddPublishedOnceAsync(db, flowId, name, eventName, canonicalJson, contentHash, actor, ct), ct);
            }
            catch (Exception error) when (attempt < MaxAttempts && WriteConflict.IsConflict(error))
            {
                // Another publish stored the same version number first: read again; if it stored this content, this one is unchanged.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), ct);
            }
        }
    }

    // The key (flowId, version) settles a race: two writers that read the same newest version both insert the next
    // number, and the second gets a unique violation. SQLite's transactions start with BEGIN IMMEDIATE and never race.
    private async Task<(StoredFlowVersion, bool)> AddPublishedOnceAsync(PanelDbContext db, string flowId, string name, string eventName, string canonicalJson, string contentHash, string? actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var versions = await db.FlowVersions.Where(f => f.FlowId == flowId).ToListAsync(ct);
        var newest = versions.MaxBy(v => v.Version);
        if (newest is { Published: true } && newest.ContentHash == contentHash)
        {
            return (ToStored(newest), false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var published in versions.Where(v => v.Published))
        {
            published.Published = false;
            published.UpdatedAt = now;
        }

        var added = new FlowVersionRecord
        {
            FlowId = flowId,
            Version = (newest?.Version ?? 0) + 1,
            Name = name,
            TriggerEvent = eventName,
            CanonicalJson = canonicalJson,
            ContentHash = contentHash,
            Published = true,
            UpdatedAt = now,
            CreatedAt = now,
            CreatedBy = actor,
        };
        db.FlowVersions.Add(added);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (ToStored(added), true);
    }

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
        new(record.FlowId, record.Version, record.Name, record.TriggerEvent, record.CanonicalJson, record.ContentHash, record.Published, new DateTimeOffset(record.UpdatedAt, TimeSpan.Zero),
            new DateTimeOffset(record.CreatedAt, TimeSpan.Zero), record.CreatedBy);
}
