using FlowCompiler.Hosting.Publishing;
using FlowCompiler.Runtime.Persistence;
using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Editor.Drafts;

/// <summary>
/// The drafts table (<c>flowDrafts</c>): one row per flow edited in the editor. Writes are conditional on the revision
/// the writer started from, checked by the database itself (an <c>UPDATE … WHERE revision = @expected</c>), so two
/// editors, in any number of processes, never overwrite each other.
/// </summary>
internal sealed class DraftStore(PanelDbContextFactory database, IFlowVersionStore versions, TimeProvider time)
{
    // The actor column's width; a longer name is kept by its start.
    private const int MaxActorLength = 128;

    /// <summary>The flow's draft: the saved one, else its newest version; null when the flow does not exist.</summary>
    public async Task<FlowDraft?> FindAsync(string flowId, CancellationToken ct)
    {
        var saved = await database.UseAsync(db => db.FlowDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.FlowId == flowId, ct), ct);
        if (saved is not null)
        {
            return ToDraft(saved);
        }

        return await versions.LatestAsync(flowId, ct) is { } latest ? FromVersion(latest) : null;
    }

    /// <summary>Every saved draft (flows never edited have none).</summary>
    public Task<List<FlowDraftRecord>> ListAsync(CancellationToken ct) =>
        database.UseAsync(db => db.FlowDrafts.AsNoTracking().ToListAsync(ct), ct);

    /// <summary>Stores a new flow's first revision; null when a flow with that id exists (as a draft or a version).</summary>
    public async Task<FlowDraft?> CreateAsync(DraftDocument document, string json, string actor, CancellationToken ct)
    {
        if (await versions.LatestAsync(document.Id, ct) is not null)
        {
            return null;
        }

        var record = NewRecord(document, json, actor);
        return await TryInsertAsync(record, ct) ? ToDraft(record) : null;
    }

    /// <summary>Saves <paramref name="json"/> as the next revision, if the draft is still what <paramref name="expected"/> names.</summary>
    public async Task<DraftWrite> SaveAsync(DraftTag expected, DraftDocument document, string json, string actor, CancellationToken ct)
    {
        var savedBy = Shorten(actor);
        var now = time.GetUtcNow().UtcDateTime;
        if (expected.Revision is { } revision)
        {
            var updated = await database.UseAsync(db => db.FlowDrafts
                .Where(d => d.FlowId == document.Id && d.Revision == revision)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.Revision, revision + 1)
                    .SetProperty(d => d.Json, json)
                    .SetProperty(d => d.Name, document.Name)
                    .SetProperty(d => d.TriggerEvent, document.TriggerEvent)
                    .SetProperty(d => d.SavedBy, savedBy)
                    .SetProperty(d => d.SavedAt, now), ct), ct);
            if (updated == 1)
            {
                return new DraftWrite.Saved(await FindAsync(document.Id, ct) ?? throw new InvalidOperationException("A saved draft vanished."));
            }

            return await RefusedAsync(document.Id, ct);
        }

        // The draft is still a stored version: the first save creates revision 1, if nobody saved or published since.
        var current = await FindAsync(document.Id, ct);
        if (current is null)
        {
            return new DraftWrite.Missing();
        }

        if (current.Tag != expected)
        {
            return new DraftWrite.Stale(current);
        }

        var record = NewRecord(document, json, actor);
        return await TryInsertAsync(record, ct) ? new DraftWrite.Saved(ToDraft(record)) : await RefusedAsync(document.Id, ct);
    }

    /// <summary>Records that <paramref name="revision"/> was published, so the list can say whether the draft has unpublished changes.</summary>
    public Task MarkPublishedAsync(string flowId, int revision, CancellationToken ct) =>
        database.UseAsync(db => db.FlowDrafts
            .Where(d => d.FlowId == flowId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.PublishedRevision, revision), ct), ct);

    // The first revision of a flow's draft; false when another one got there first (the key is the flow id).
    private async Task<bool> TryInsertAsync(FlowDraftRecord record, CancellationToken ct)
    {
        try
        {
            await database.UseAsync(async db =>
            {
                db.FlowDrafts.Add(record);
                return await db.SaveChangesAsync(ct);
            }, ct);
            return true;
        }
        catch (Exception error) when (WriteConflict.IsConflict(error))
        {
            return false;
        }
    }

    private async Task<DraftWrite> RefusedAsync(string flowId, CancellationToken ct) =>
        await FindAsync(flowId, ct) is { } current ? new DraftWrite.Stale(current) : new DraftWrite.Missing();

    private FlowDraftRecord NewRecord(DraftDocument document, string json, string actor) => new()
    {
        FlowId = document.Id,
        Revision = 1,
        Name = document.Name,
        TriggerEvent = document.TriggerEvent,
        Json = json,
        SavedBy = Shorten(actor),
        SavedAt = time.GetUtcNow().UtcDateTime,
    };

    private static string Shorten(string actor) => actor.Length <= MaxActorLength ? actor : actor[..MaxActorLength];

    private static FlowDraft ToDraft(FlowDraftRecord record) =>
        new(record.FlowId, DraftTag.OfRevision(record.Revision), record.Json, record.SavedBy, new DateTimeOffset(DateTime.SpecifyKind(record.SavedAt, DateTimeKind.Utc)), record.PublishedRevision);

    private static FlowDraft FromVersion(StoredFlowVersion version) =>
        new(version.FlowId, DraftTag.OfVersion(version.Version), version.CanonicalJson, version.CreatedBy ?? "publish", version.CreatedAt, null);
}
