using System.Net.Http.Headers;
using System.Text;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>Builds the <see cref="HttpRequestMessage"/> for an <see cref="HttpRequestSpec"/>.</summary>
internal static class HttpRequestMessageFactory
{
    /// <summary>The message to send.</summary>
    /// <exception cref="ArgumentException">The URL, the method or a header is not usable; the message names it.</exception>
    public static HttpRequestMessage Create(HttpRequestSpec spec)
    {
        if (!Uri.TryCreate(spec.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{spec.Url}' is not an absolute http or https URL.");
        }

        var message = new HttpRequestMessage(ParseMethod(spec.Method), url);

        // Bytes rather than StringContent: StringContent would append "; charset=utf-8" to the content type,
        // and the body must go out exactly as rendered (Encoding.UTF8.GetBytes writes no byte order mark).
        if (spec.Content is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(spec.Content));
        }

        foreach (var (name, value) in spec.Headers)
        {
            AddHeader(message, name, value);
        }

        // A durable run sends the same key on every attempt, so a receiver that honours it applies the call once;
        // a key the flow sets itself is the admin's choice and stays.
        if (spec.IdempotencyKey is { } key && !message.Headers.Contains(IdempotencyKeyHeader))
        {
            message.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, key);
        }

        if (message.Content is not null && !string.IsNullOrEmpty(spec.ContentType))
        {
            message.Content.Headers.Remove("Content-Type");
            message.Content.Headers.TryAddWithoutValidation("Content-Type", HeaderValueText.ForWire(WithCharset(spec.ContentType)));
        }

        return message;
    }

    /// <summary>The header a durable run's idempotency key travels in (IETF draft-ietf-httpapi-idempotency-key-header).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static HttpMethod ParseMethod(string method)
    {
        try
        {
            return HttpMethod.Parse(method);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"'{method}' is not an HTTP method; use GET, POST, PUT, PATCH or DELETE.", e);
        }
    }

    // Headers such as Content-Language belong to the body, which .NET keeps in a separate collection.
    private static void AddHeader(HttpRequestMessage message, string name, string value)
    {
        if (TransportHeaders.Owns(name))
        {
            throw new ArgumentException($"Header '{name}' is set by the HTTP transport, not by the flow: {TransportHeaders.Instead(name)}.");
        }

        var clean = HeaderValueText.ForWire(value);
        if (message.Headers.TryAddWithoutValidation(name, clean))
        {
            return;
        }

        if (message.Content is not null)
        {
            message.Content.Headers.Remove(name);
            if (message.Content.Headers.TryAddWithoutValidation(name, clean))
            {
                return;
            }
        }

        throw new ArgumentException(
            $"Header '{name}' cannot be sent: it is not a valid header name, or it describes a body and the request has none.");
    }

    // The body is always UTF-8; text without a charset would be read as ISO-8859-1 by HTTP/1.1 receivers.
    private static string WithCharset(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || media.MediaType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) != true
            || media.CharSet is not null)
        {
            return contentType;
        }

        media.CharSet = "utf-8";
        return media.ToString();
    }
}
