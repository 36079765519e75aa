namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>
/// The draft of a flow: what the admin last saved in the editor, valid or not. Table <c>flowDrafts</c>, one row per
/// flow. Every save increments <see cref="Revision"/>; a save or a publish names the revision it started from, so a
/// stale one is refused instead of overwriting someone else's work.
/// </summary>
public sealed class FlowDraftRecord
{
    /// <summary>The flow id (<c>[a-z0-9][a-z0-9-]{0,63}</c>).</summary>
    public string FlowId { get; set; } = "";

    /// <summary>The revision, counting from 1 per flow; the draft's ETag.</summary>
    public int Revision { get; set; }

    /// <summary>The flow's display name as the draft has it, or null when the draft has none yet.</summary>
    public string? Name { get; set; }

    /// <summary>The event the draft's trigger names, or null when it names none that exists.</summary>
    public string? TriggerEvent { get; set; }

    /// <summary>The draft's JSON exactly as it was saved (it may be invalid: drafts hold work in progress).</summary>
    public string Json { get; set; } = "";

    /// <summary>Who saved this revision.</summary>
    public string SavedBy { get; set; } = "";

    /// <summary>When this revision was saved (UTC).</summary>
    public DateTime SavedAt { get; set; }

    /// <summary>The revision that was last published, or null when none was: the draft has unpublished changes when it differs.</summary>
    public int? PublishedRevision { get; set; }
}
