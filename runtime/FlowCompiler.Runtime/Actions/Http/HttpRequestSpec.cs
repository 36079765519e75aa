using System.Collections.Immutable;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// One outgoing request of a <c>webhook</c> action or a <c>rest</c> enricher, with its templates already rendered.
/// </summary>
public sealed record HttpRequestSpec
{
    /// <summary>The absolute <c>http</c> or <c>https</c> URL.</summary>
    public required string Url { get; init; }

    /// <summary>The method: GET, POST, PUT, PATCH or DELETE (any case).</summary>
    public required string Method { get; init; }

    /// <summary>
    /// The <c>Content-Type</c> header, sent exactly as given (no charset is added); only sent with a body.
    /// It wins over a <c>Content-Type</c> in <see cref="Headers"/>.
    /// </summary>
    public string? ContentType { get; init; }

    /// <summary>The body, sent as UTF-8 without a byte order mark; <see langword="null"/> for no body.</summary>
    public string? Content { get; init; }

    /// <summary>Further headers by name. Line breaks in values are removed, so a value can never start a new header.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;
}
