namespace FlowCompiler.Editor.Drafts;

/// <summary>
/// A flow's draft as the editor sees it. Every flow has one: the row in <c>flowDrafts</c> once someone saved, else
/// the newest stored version (a flow published from the CLI and never edited).
/// </summary>
/// <param name="FlowId">The flow id.</param>
/// <param name="Tag">Which state this is, as its ETag names it.</param>
/// <param name="Json">The flow document as saved (possibly invalid: drafts hold work in progress).</param>
/// <param name="SavedBy">Who saved it (for a version: who published it, or "publish" when nobody was named).</param>
/// <param name="SavedAt">When it was saved.</param>
/// <param name="PublishedRevision">The revision last published from the editor, or null.</param>
internal sealed record FlowDraft(string FlowId, DraftTag Tag, string Json, string SavedBy, DateTimeOffset SavedAt, int? PublishedRevision)
{
    /// <summary>Whether the draft differs from what was last published from it.</summary>
    public bool HasUnpublishedChanges => Tag.Revision is { } revision && revision != PublishedRevision;
}
