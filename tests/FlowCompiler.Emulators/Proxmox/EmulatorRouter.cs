namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// Finds the endpoint of a request, verifies its parameters (path values included, as Proxmox does) and runs it.
/// </summary>
internal sealed class EmulatorRouter(EmulatorState state)
{
    /// <summary>Every method the emulator implements.</summary>
    public static IReadOnlyList<EmulatedEndpoint> Endpoints { get; } =
    [
        .. ClusterResourceEndpoints.All,
        .. GuestConfigEndpoints.All,
        .. TaskEndpoints.All,
        .. HaResourceEndpoints.All,
    ];

    public async Task<EmulatorResponse> DispatchAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var matches = Endpoints
            .Select(endpoint => (Endpoint: endpoint, PathValues: endpoint.Match(segments)))
            .Where(match => match.PathValues is not null && match.Endpoint.Method == request.Method)
            .ToList();
        if (matches.Count == 0)
        {
            return EmulatorResponse.Error(501, $"Method '{request.Method} {request.Path}' not implemented");
        }

        var (endpoint, pathValues) = matches[0];
        var errors = endpoint.Rules.Check([.. pathValues!, .. request.Parameters]);
        if (errors.Count > 0)
        {
            return EmulatorResponse.InvalidParameters(errors);
        }

        var parameters = request.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var call = new EndpointCall(state, pathValues!, parameters);
        var deadline = DateTime.UtcNow + state.ConfigLockTimeout;
        while (true)
        {
            ConfigLockWait? held;
            lock (state.Gate)
            {
                held = endpoint.LockHeld?.Invoke(call);
                if (held is null)
                {
                    return endpoint.Handle(call);
                }
            }

            // Waited for outside the state's lock: the holder is released by other requests (its task's polls).
            var left = deadline - DateTime.UtcNow;
            try
            {
                await held.Released.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
            }
            catch (TimeoutException)
            {
                return EmulatorResponse.Error(500, held.TimeoutMessage);
            }
        }
    }
}
