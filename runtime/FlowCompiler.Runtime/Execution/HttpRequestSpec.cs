namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// One outgoing HTTP request of a <c>rest</c> enricher or a <c>webhook</c> action, with its templates already
/// rendered. Generated code builds it; <see cref="Actions.Http.HttpActionClient"/> sends it.
/// </summary>
/// <param name="NodeId">The node.</param>
/// <param name="Url">The absolute <c>http</c> or <c>https</c> URL, holes already percent-encoded.</param>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE (any case).</param>
/// <param name="ContentType">
/// The body's media type, sent only with a body; empty for none. A <c>text/*</c> type without a charset is sent
/// with <c>charset=utf-8</c>, as the body is UTF-8; any other type exactly as given.
/// </param>
/// <param name="Content">The body, sent as UTF-8 without a byte order mark; null for no body.</param>
/// <param name="Headers">
/// Further headers, in document order; none the transport sets itself (<see cref="Actions.Http.TransportHeaders"/>).
/// Line breaks in values are removed when sending, so a value can never start a new header, and a value with
/// characters other than printable ASCII is percent-encoded as UTF-8.
/// </param>
public sealed record HttpRequestSpec(
    string NodeId, string Url, string Method, string ContentType, string? Content, IReadOnlyList<KeyValuePair<string, string>> Headers)
    : ActionRequest(NodeId)
{
    /// <inheritdoc />
    public override string Type => "webhook";

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, object?>> Parameters =>
        [new("url", Url), new("method", Method), new("contentType", ContentType), new("content", Content)];
}
