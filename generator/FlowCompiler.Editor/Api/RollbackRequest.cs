namespace FlowCompiler.Editor.Api;

/// <summary>The body of <c>POST /api/flows/{id}/rollback</c>.</summary>
/// <param name="Version">The stored version to publish again.</param>
public sealed record RollbackRequest(int Version);
