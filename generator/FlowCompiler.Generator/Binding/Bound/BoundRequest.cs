using System.Collections.Immutable;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>An HTTP request built from templates: the REST enricher and the webhook action share it.</summary>
/// <param name="Url">URL template; holes percent-encoded, scheme and host literal.</param>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Content">Body template, or null.</param>
/// <param name="Headers">Header names and value templates.</param>
public sealed record BoundRequest(
    BoundTemplate Url,
    string Method,
    string ContentType,
    BoundTemplate? Content,
    ImmutableArray<KeyValuePair<string, BoundTemplate>> Headers);
