using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Runtime.Persistence.Lookups;

/// <summary>
/// The reads of <c>dbJoin</c> and <c>loadTags</c> against the panel database: one parameterized query per
/// node, rows returned untracked. The signatures are those of <see cref="IFlowServices"/>, so an implementation
/// forwards to them as they are.
/// </summary>
public sealed class PanelLookups(PanelDbContextFactory database)
{
    /// <summary><c>dbJoin</c> on <c>id</c> (or any unique column): the row whose column equals the value, or null.</summary>
    /// <exception cref="ArgumentException">The table or column is not the row type's; the message lists the columns.</exception>
    /// <exception cref="PanelDatabaseException">The database is locked or unreachable.</exception>
    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var predicate = PanelColumn.Of<TRow>(lookup.Table, lookup.Column).EqualsValue<TRow>(lookup.Value);
        return predicate is null
            ? Task.FromResult<TRow?>(null)
            : database.UseAsync(db => InIdOrder(db.Set<TRow>().Where(predicate)).FirstOrDefaultAsync(ct), ct);
    }

    /// <summary><c>dbJoin</c> on any other column: every row whose column equals the value, in id order.</summary>
    /// <exception cref="ArgumentException">The table or column is not the row type's; the message lists the columns.</exception>
    /// <exception cref="PanelDatabaseException">The database is locked or unreachable.</exception>
    public async Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var predicate = PanelColumn.Of<TRow>(lookup.Table, lookup.Column).EqualsValue<TRow>(lookup.Value);
        return predicate is null
            ? []
            : await database.UseAsync(db => InIdOrder(db.Set<TRow>().Where(predicate)).ToListAsync(ct), ct).ConfigureAwait(false);
    }

    /// <summary><c>loadTags</c>: the tags of a server or user, in id order.</summary>
    /// <exception cref="ArgumentException">The resource type is not <c>server</c> or <c>user</c>.</exception>
    /// <exception cref="PanelDatabaseException">The database is locked or unreachable.</exception>
    public async Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.ResourceType is not ("server" or "user"))
        {
            throw new ArgumentException($"Tags belong to a \"server\" or a \"user\", not to \"{lookup.ResourceType}\".", nameof(lookup));
        }

        return await database.UseAsync(db => db.Tags.AsNoTracking()
            .Where(t => t.ResourceType == lookup.ResourceType && t.ResourceId == lookup.ResourceId)
            .OrderBy(t => t.Id)
            .Select(t => new LoadedTag { Id = t.Id, Name = t.Name })
            .ToListAsync(ct), ct).ConfigureAwait(false);
    }

    private static IQueryable<TRow> InIdOrder<TRow>(IQueryable<TRow> rows) where TRow : class =>
        rows.AsNoTracking().OrderBy(row => EF.Property<int>(row, "Id"));
}
