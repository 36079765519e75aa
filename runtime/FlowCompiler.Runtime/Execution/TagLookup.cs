namespace FlowCompiler.Runtime.Execution;

/// <summary>The query of a <c>loadTags</c> node.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="ResourceType"><c>server</c> or <c>user</c>.</param>
/// <param name="ResourceId">The server's or user's id.</param>
public sealed record TagLookup(string NodeId, string ResourceType, int ResourceId);
