namespace FlowCompiler.Cli.Demo;

/// <summary>
/// Routes every outgoing webhook and REST request of the demo to the <see cref="DemoReceiver"/> on 127.0.0.1,
/// keeping path and query and naming the host the flow addressed in a header, so the sample flows run
/// unchanged without reaching the internet. Only the demo installs it.
/// </summary>
internal sealed class DemoNetworkHandler(Uri receiver) : DelegatingHandler
{
    /// <summary>The header carrying the host the flow addressed.</summary>
    public const string OriginalHostHeader = "X-Demo-Original-Host";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.Headers.Remove(OriginalHostHeader);
        request.Headers.TryAddWithoutValidation(OriginalHostHeader, original.Authority);
        request.RequestUri = new UriBuilder(receiver) { Path = original.AbsolutePath, Query = original.Query.TrimStart('?') }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
