namespace FlowCompiler.Editor.Drafts;

/// <summary>What a conditional write of a draft did.</summary>
internal abstract record DraftWrite
{
    private DraftWrite()
    {
    }

    /// <summary>Written: the draft as it now is.</summary>
    public sealed record Saved(FlowDraft Draft) : DraftWrite;

    /// <summary>Refused: the draft changed since the tag the writer named; this is what it is now.</summary>
    public sealed record Stale(FlowDraft Current) : DraftWrite;

    /// <summary>Refused: there is no such flow.</summary>
    public sealed record Missing : DraftWrite;
}
