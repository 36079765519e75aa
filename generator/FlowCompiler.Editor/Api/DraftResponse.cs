using System.Text.Json;
using FlowCompiler.Editor.Drafts;

namespace FlowCompiler.Editor.Api;

/// <summary>A flow's draft (<c>GET/PUT /api/flows/{id}/draft</c>); its <see cref="ETag"/> is also the response's <c>ETag</c>.</summary>
/// <param name="FlowId">The flow id.</param>
/// <param name="ETag">What a save or publish names in <c>If-Match</c>.</param>
/// <param name="Revision">The saved revision, or null while the draft is still <see cref="Version"/> as published.</param>
/// <param name="Version">The stored version the draft is, when it was never saved.</param>
/// <param name="SavedBy">Who saved (or published) it.</param>
/// <param name="SavedAt">When.</param>
/// <param name="PublishedRevision">The revision last published from the editor.</param>
/// <param name="HasUnpublishedChanges">Whether it was saved since it was last published.</param>
/// <param name="Flow">The flow document.</param>
public sealed record DraftResponse(
    string FlowId, string ETag, int? Revision, int? Version, string SavedBy, DateTimeOffset SavedAt, int? PublishedRevision, bool HasUnpublishedChanges, JsonElement Flow)
{
    internal static DraftResponse From(FlowDraft draft)
    {
        using var document = JsonDocument.Parse(draft.Json);
        return new(draft.FlowId, draft.Tag.ToString(), draft.Tag.Revision, draft.Tag.Version, draft.SavedBy, draft.SavedAt, draft.PublishedRevision,
            draft.HasUnpublishedChanges, document.RootElement.Clone());
    }
}
