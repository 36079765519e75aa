namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// The methods whose requests may be sent twice without doing twice what they do (RFC 9110 §9.2.2),
/// and so the only ones retried: a repeated POST could create a second ticket or charge.
/// </summary>
internal static class IdempotentHttpMethods
{
    /// <summary>Whether <paramref name="method"/> is GET, HEAD, OPTIONS, TRACE, PUT or DELETE.</summary>
    public static bool Contains(HttpMethod? method) =>
        method is not null
        && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete);
}
