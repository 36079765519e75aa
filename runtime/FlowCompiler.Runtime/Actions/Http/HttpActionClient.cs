using System.Text;
using System.Text.Json;
using FlowCompiler.Runtime.Execution;
using Polly.Timeout;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// Sends the requests of <c>webhook</c> actions and <c>rest</c> enrichers. Register it with
/// <see cref="HttpServiceCollectionExtensions.AddFlowHttp"/>, which adds the timeouts and the retries
/// of idempotent requests described by <see cref="HttpActionOptions"/>.
/// </summary>
/// <param name="http">The client the factory configured, with the resilience handler.</param>
public sealed class HttpActionClient(HttpClient http)
{
    private const int ExcerptLength = 200;

    /// <summary>
    /// Every check <see cref="SendAsync"/> and <see cref="SendForJsonAsync"/> make before sending, without sending:
    /// a dry run calls it so that it fails where the real run would.
    /// </summary>
    /// <param name="request">The rendered request.</param>
    /// <exception cref="ArgumentException">The URL, method or a header is not usable.</exception>
    public static void Check(HttpRequestSpec request)
    {
        using var message = HttpRequestMessageFactory.Create(request);
    }

    /// <summary>Sends the request of a <c>webhook</c> node; any 2xx answer is success.</summary>
    /// <param name="request">The rendered request.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <exception cref="HttpActionException">No answer, a timeout, or a non-2xx status.</exception>
    /// <exception cref="ArgumentException">The URL, method or a header name is not usable.</exception>
    public async Task SendAsync(HttpRequestSpec request, CancellationToken ct) => await ExchangeAsync(request, ct);

    /// <summary>Sends the request of a <c>rest</c> node and returns its JSON answer for the caller to bind.</summary>
    /// <param name="request">The rendered request.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <returns>The root of the answer's JSON document.</returns>
    /// <exception cref="HttpActionException">No answer, a timeout, a non-2xx status, or a body that is not JSON.</exception>
    /// <exception cref="ArgumentException">The URL, method or a header name is not usable.</exception>
    public async Task<JsonElement> SendForJsonAsync(HttpRequestSpec request, CancellationToken ct)
    {
        var answer = await ExchangeAsync(request, ct);
        if (string.IsNullOrWhiteSpace(answer.Body))
        {
            throw new HttpActionException($"{answer.Target} answered {answer.StatusCode} with an empty body where JSON was expected.", answer.StatusCode, "");
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var excerpt = Excerpt(answer.Body);
            throw new HttpActionException(
                $"{answer.Target} answered {answer.StatusCode} but its body is not JSON ({e.Message}); it starts: {excerpt}",
                answer.StatusCode,
                excerpt,
                e);
        }
    }

    private async Task<Answer> ExchangeAsync(HttpRequestSpec request, CancellationToken ct)
    {
        using var message = HttpRequestMessageFactory.Create(request);
        var target = Describe(message);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, ct);
        }
        catch (TimeoutRejectedException e)
        {
            throw new HttpActionException(
                $"{target} got no answer within {e.Timeout.TotalSeconds:0.###} s. Check that the server is up, or raise FlowCompiler:Http:Timeout if it is just slow.",
                innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new HttpActionException(
                $"{target} failed: {e.Message.TrimEnd('.')}. Check that the server is up and reachable and that the URL is right.",
                innerException: e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var excerpt = Excerpt(body);
                throw new HttpActionException(
                    $"{target} answered {status} {response.ReasonPhrase}{(excerpt.Length > 0 ? ": " + excerpt : "")}",
                    status,
                    excerpt);
            }

            return new Answer(target, status, body);
        }
    }

    // Method and URL without user info and query string, which may carry credentials.
    internal static string Describe(HttpRequestMessage message) =>
        $"{message.Method} {message.RequestUri!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)}";

    // The start of a body on one line, enough to recognise an error page without flooding the run record.
    private static string Excerpt(string body)
    {
        var excerpt = new StringBuilder(Math.Min(body.Length, ExcerptLength + 1));
        foreach (var c in body)
        {
            if (excerpt.Length == ExcerptLength)
            {
                return excerpt.Append('…').ToString();
            }

            var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (shown != ' ' || (excerpt.Length > 0 && excerpt[^1] != ' '))
            {
                excerpt.Append(shown);
            }
        }

        return excerpt.ToString().TrimEnd();
    }

    private sealed record Answer(string Target, int StatusCode, string Body);
}
