namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// One outgoing HTTP request of a <c>rest</c> enricher or a <c>webhook</c> action, with its templates already
/// rendered. Generated code builds it; <see cref="Actions.Http.HttpActionClient"/> sends it.
/// </summary>
/// <param name="NodeId">The node.</param>
/// <param name="Url">The absolute <c>http</c> or <c>https</c> URL, holes already percent-encoded.</param>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE (any case).</param>
/// <param name="ContentType">
/// The body's media type, sent exactly as given (no charset is added) and only with a body; empty for none.
/// It wins over a <c>Content-Type</c> in <paramref name="Headers"/>.
/// </param>
/// <param name="Content">The body, sent as UTF-8 without a byte order mark; null for no body.</param>
/// <param name="Headers">
/// Further headers, in document order. Line breaks in values are removed when sending, so a value can never
/// start a new header.
/// </param>
public sealed record HttpRequestSpec(
    string NodeId, string Url, string Method, string ContentType, string? Content, IReadOnlyList<KeyValuePair<string, string>> Headers)
    : ActionRequest(NodeId)
{
    /// <inheritdoc />
    public override string Type => "webhook";
}
