using System.Net;
using System.Text;
using System.Text.Json;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// Turns a Proxmox error answer into an exception. The text is read from the body's <c>message</c>
/// and <c>errors</c> and, because older servers put it only there, from the reason phrase.
/// </summary>
internal static class ProxmoxErrorReader
{
    /// <summary>The exception for a non-success answer to <paramref name="method"/> <paramref name="path"/>.</summary>
    public static ProxmoxApiException Read(
        HttpMethod method, string path, HttpStatusCode status, string? reasonPhrase, string body, string tokenId)
    {
        var (bodyMessage, errors) = ParseBody(body);
        var proxmoxText = FirstText(bodyMessage, reasonPhrase) ?? status.ToString();
        var code = (int)status;

        var message = new StringBuilder();
        if (status == HttpStatusCode.Unauthorized)
        {
            message.Append($"Proxmox rejected the API token '{tokenId}' (HTTP 401: {proxmoxText}). ")
                .Append("Check that the token exists, has not expired and that its secret is the one configured.");
        }
        else if (status == HttpStatusCode.Forbidden)
        {
            message.Append($"The API token '{tokenId}' may not {method} {path} (HTTP 403: {proxmoxText}). ")
                .Append("Grant the token (or, with privilege separation, the token itself) the needed permission.");
        }
        else
        {
            message.Append($"Proxmox refused {method} {path} (HTTP {code}): {proxmoxText}");
        }

        foreach (var (parameter, error) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            message.Append($"; {parameter}: {error}");
        }

        return new ProxmoxApiException(message.ToString(), code, proxmoxText, errors, null);
    }

    /// <summary>One line of text, or null when there is none.</summary>
    internal static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Proxmox ends its die messages with a newline and sometimes spreads them over several lines.
        return string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string? FirstText(params string?[] candidates) =>
        candidates.Select(OneLine).FirstOrDefault(text => text is not null);

    private static (string? Message, Dictionary<string, string> Errors) ParseBody(string body)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, errors);
            }

            string? message = null;
            if (document.RootElement.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String)
            {
                message = messageElement.GetString();
            }

            if (document.RootElement.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var error in errorsElement.EnumerateObject())
                {
                    errors[error.Name] = OneLine(error.Value.ValueKind == JsonValueKind.String ? error.Value.GetString() : error.Value.GetRawText()) ?? "";
                }
            }

            return (message, errors);
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or an empty body: the status line is all there is.
            return (null, errors);
        }
    }
}
