using System.Collections.Frozen;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// The request headers the HTTP transport writes itself, from the body, the URL and the connection: a flow
/// may not set them (a <c>Content-Length</c> that disagrees with the body breaks every request, a
/// <c>Content-Type</c> would be replaced by the node's <c>contentType</c>). The compiler refuses them when it
/// validates a flow; <see cref="HttpActionClient"/> refuses them too.
/// </summary>
public static class TransportHeaders
{
    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Content-Length", "Content-Type", "Host", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade",
        "TE", "Trailer", "Proxy-Connection", "Expect");

    /// <summary>Whether the transport sets <paramref name="name"/> (case-insensitive).</summary>
    public static bool Owns(string name) => Names.Contains(name);

    /// <summary>What an admin should write instead of setting <paramref name="name"/>.</summary>
    public static string Instead(string name) =>
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
            ? "set the node's contentType instead"
            : name.Equals("Host", StringComparison.OrdinalIgnoreCase)
                ? "the host comes from the URL"
                : "it is computed from the body and the connection; remove it";
}
