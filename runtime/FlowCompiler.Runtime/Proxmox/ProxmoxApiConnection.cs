using System.Security.Authentication;
using System.Text.Json;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// Sends requests to <c>/api2/json</c> with the token header, form-encoded bodies and a per-request
/// timeout, unwraps the <c>{ "data": … }</c> envelope and turns every failure into a
/// <see cref="ProxmoxApiException"/>.
/// </summary>
internal sealed class ProxmoxApiConnection : IDisposable
{
    private readonly ProxmoxOptions _options;
    private readonly HttpClient _http;
    private readonly string _apiRoot;
    private readonly ProxmoxCertificatePolicy _certificatePolicy;

    public ProxmoxApiConnection(ProxmoxOptions options, HttpMessageHandler handler)
    {
        _options = options;
        _certificatePolicy = ProxmoxCertificatePolicy.For(options);
        // The timeout is applied per request below, so that it can be told apart from the caller's cancellation.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _apiRoot = options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/api2/json";
    }

    /// <summary>GET with the parameters in the query string; returns <c>data</c>.</summary>
    public Task<JsonElement> GetAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
    {
        var queryString = query.Count == 0
            ? ""
            : "?" + string.Join("&", query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return SendAsync(HttpMethod.Get, path, queryString, null, cancellationToken);
    }

    /// <summary>POST or PUT with the parameters form-urlencoded in the body, as Proxmox expects; returns <c>data</c>.</summary>
    public Task<JsonElement> SendFormAsync(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken) =>
        SendAsync(method, path, "", form, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(
        HttpMethod method,
        string path,
        string queryString,
        IReadOnlyList<KeyValuePair<string, string>>? form,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);

        using var request = new HttpRequestMessage(method, _apiRoot + path + queryString);
        // Messages show the path as an admin would type it, e.g. with a UPID's colons unescaped.
        var shownPath = Uri.UnescapeDataString(path);
        // AuthenticationHeaderValue would put a space after the scheme; Proxmox wants 'PVEAPIToken=…'.
        request.Headers.TryAddWithoutValidation("Authorization", _options.AuthorizationHeaderValue);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw ProxmoxErrorReader.Read(
                    method, shownPath, response.StatusCode, Redact(response.ReasonPhrase), Redact(body) ?? "", _options.TokenId);
            }

            return ReadData(method, shownPath, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProxmoxApiException(
                $"Proxmox at {_options.BaseUrl.Authority} did not answer {method} {shownPath} within {_options.Timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException exception) when (exception.InnerException is AuthenticationException)
        {
            throw new ProxmoxApiException(_certificatePolicy.DescribeRejection(_options.BaseUrl.Authority), exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ProxmoxApiException(
                $"Could not reach Proxmox at {_options.BaseUrl.Authority} for {method} {shownPath}: {Redact(exception.Message)}", exception);
        }
    }

    private static JsonElement ReadData(HttpMethod method, string path, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data))
            {
                return data.Clone();
            }
        }
        catch (JsonException)
        {
            // Reported below with the same message as a JSON answer without 'data'.
        }

        throw new ProxmoxApiException(
            $"The answer to {method} {path} is not Proxmox API JSON. Is BaseUrl the Proxmox API address (usually port 8006)?");
    }

    // Defence in depth: a proxy that echoes request headers must not smuggle the secret into a message.
    private string? Redact(string? text) => text?.Replace(_options.TokenSecret, "***", StringComparison.Ordinal);
}
