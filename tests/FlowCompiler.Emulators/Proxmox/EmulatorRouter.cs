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

    public EmulatorResponse Dispatch(RecordedRequest request)
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
        lock (state.Gate)
        {
            return endpoint.Handle(new EndpointCall(state, pathValues!, parameters));
        }
    }
}
