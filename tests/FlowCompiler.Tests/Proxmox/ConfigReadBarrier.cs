namespace FlowCompiler.Tests.Proxmox;

/// <summary>
/// Holds every configuration write until <paramref name="reads"/> configuration reads have been answered, so that
/// that many concurrent changes all read the same configuration (and digest) before any of them writes: the race
/// is certain instead of depending on timing.
/// </summary>
internal sealed class ConfigReadBarrier(int reads) : DelegatingHandler
{
    private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isConfig = request.RequestUri!.AbsolutePath.EndsWith("/config", StringComparison.Ordinal);
        if (isConfig && request.Method != HttpMethod.Get)
        {
            await _allRead.Task.WaitAsync(cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (isConfig && request.Method == HttpMethod.Get && Interlocked.Increment(ref _answered) == reads)
        {
            _allRead.SetResult();
        }

        return response;
    }
}
