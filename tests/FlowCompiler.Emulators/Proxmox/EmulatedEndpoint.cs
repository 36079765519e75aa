namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// One API method: its path template (as the API schema writes it, e.g. <c>/nodes/{node}/qemu/{vmid}/config</c>),
/// its declared parameters (path values included) and what it does. Handlers run under the state's lock;
/// <paramref name="LockHeld"/>, when set, says which lock held by someone else the call must wait for first.
/// </summary>
internal sealed record EmulatedEndpoint(
    string Method,
    string Template,
    ParameterRules Rules,
    Func<EndpointCall, EmulatorResponse> Handle,
    Func<EndpointCall, ConfigLockWait?>? LockHeld = null)
{
    /// <summary>The template's segments; <c>{…}</c> ones are path values.</summary>
    public IReadOnlyList<string> Segments { get; } = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The path values when <paramref name="segments"/> fit the template, else null.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> segments)
    {
        if (segments.Count != Segments.Count)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            if (Segments[i].StartsWith('{'))
            {
                values[Segments[i][1..^1]] = segments[i];
            }
            else if (Segments[i] != segments[i])
            {
                return null;
            }
        }

        return values;
    }
}
