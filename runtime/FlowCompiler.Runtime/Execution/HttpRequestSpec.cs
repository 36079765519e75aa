namespace FlowCompiler.Runtime.Execution;

/// <summary>One HTTP request of a <c>rest</c> or <c>webhook</c> node.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Url">Absolute URL, holes already percent-encoded.</param>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Content">The body, or null for none.</param>
/// <param name="Headers">Header names and values (CR and LF removed from values), in document order.</param>
public sealed record HttpRequestSpec(
    string NodeId, string Url, string Method, string ContentType, string? Content, IReadOnlyList<KeyValuePair<string, string>> Headers)
    : ActionRequest(NodeId)
{
    /// <inheritdoc />
    public override string Type => "webhook";
}
