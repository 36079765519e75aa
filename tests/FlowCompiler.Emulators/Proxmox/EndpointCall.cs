namespace FlowCompiler.Emulators.Proxmox;

/// <summary>A verified call of an endpoint: its path values (<c>{node}</c>, <c>{vmid}</c>, …) and parameters.</summary>
internal sealed record EndpointCall(
    EmulatorState State,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, string> Parameters)
{
    public string Path(string name) => PathValues[name];

    public int PathInt(string name) => int.Parse(PathValues[name], System.Globalization.CultureInfo.InvariantCulture);

    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);
}
