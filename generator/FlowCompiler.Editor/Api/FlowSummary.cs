namespace FlowCompiler.Editor.Api;

/// <summary>One row of <c>GET /api/flows</c>.</summary>
/// <param name="Id">The flow id.</param>
/// <param name="Name">Its name as the draft has it (else as its newest version has it).</param>
/// <param name="Trigger">The event it runs on, when its trigger names one.</param>
/// <param name="PublishedVersion">The version that runs, or null when unpublished.</param>
/// <param name="LatestVersion">The newest stored version, or null when never published.</param>
/// <param name="DraftRevision">The saved draft's revision, or null when nobody edited it in the editor.</param>
/// <param name="HasUnpublishedChanges">Whether the draft was saved since it was last published.</param>
/// <param name="LastRun">The newest recorded run, or null.</param>
/// <param name="Tier">What runs the published version in this host: <c>compiled</c>, <c>interpreted</c> while it compiles, or null when unpublished.</param>
public sealed record FlowSummary(
    string Id, string? Name, string? Trigger, int? PublishedVersion, int? LatestVersion, int? DraftRevision, bool HasUnpublishedChanges, RunSummary? LastRun, string? Tier);
