namespace FlowCompiler.Generator.Templates;

/// <summary>
/// The URL rule of spec §4: scheme and host are literal, so event data can never choose where a request
/// goes. Holes may stand only after the first <c>/</c>, <c>?</c> or <c>#</c> that follows the host.
/// </summary>
public static class UrlTemplateRules
{
    /// <summary>
    /// The part of <see cref="Check"/> a JSON Schema pattern can say: http or https in any case, then a host (and port)
    /// without holes or white space, then anything from the first <c>/</c>, <c>?</c> or <c>#</c> on (on <c>(?!\n)$</c> see
    /// <see cref="Model.FlowIdentifiers.FlowIdPattern"/>).
    /// </summary>
    public const string Pattern = @"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#{}\s]+([/?#][\s\S]*)?(?!\n)$";

    /// <summary>Checks a URL template; returns null when it is safe, otherwise what to fix.</summary>
    public static string? Check(TemplateSyntax url)
    {
        var first = url.Segments.FirstOrDefault();
        var prefix = first is TextPiece text ? text.Text : "";
        var schemeEnd = prefix.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url.HasHoles && prefix.Length == 0
                ? "the URL starts with a template hole; write the scheme and host literally, e.g. \"https://api.example.com/servers/{{id}}\""
                : "the URL must be absolute and start with http:// or https://";
        }

        var scheme = prefix[..schemeEnd];
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return $"the URL scheme \"{scheme}\" is not allowed; use http or https";
        }

        var hostStart = schemeEnd + 3;
        var hostEnd = prefix.IndexOfAny(['/', '?', '#'], hostStart);
        var literalHost = hostEnd < 0 ? prefix[hostStart..] : prefix[hostStart..hostEnd];
        if (url.HasHoles && hostEnd < 0)
        {
            return "a template hole stands in the URL's host or port; write the host literally and put holes only in the path or query, e.g. \"https://api.example.com/vlans/{{node}}\"";
        }

        if (literalHost.Length == 0 || !Uri.TryCreate($"{scheme}://{literalHost}/", UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            return $"\"{literalHost}\" is not a valid host";
        }

        if (literalHost.Contains('@', StringComparison.Ordinal))
        {
            return "credentials in the URL (user@host) are not allowed; send them in a header";
        }

        return null;
    }
}
