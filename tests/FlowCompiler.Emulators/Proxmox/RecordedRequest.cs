namespace FlowCompiler.Emulators.Proxmox;

/// <summary>A request as the emulator received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Decoded path below <c>/api2/json</c>, e.g. <c>/nodes/pve1/qemu/100/config</c>.</param>
/// <param name="Parameters">Query and form parameters in the order sent.</param>
/// <param name="Authorization">The Authorization header, if any.</param>
/// <param name="ContentType">The body's content type, if there was a body.</param>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string? Authorization,
    string? ContentType)
{
    /// <summary>The value of a parameter, or null when it was not sent.</summary>
    public string? Parameter(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Whether a parameter was sent.</summary>
    public bool Has(string name) => Parameters.Any(p => p.Key == name);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path} {string.Join("&", Parameters.Select(p => $"{p.Key}={p.Value}"))}";
}
