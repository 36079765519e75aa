namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// One declared parameter of an endpoint. A name ending in <c>[n]</c> (e.g. <c>net[n]</c>) stands for
/// <c>net0</c> … <c>net31</c>.
/// </summary>
internal sealed record ParameterRule(string Name, ValueRule Check, bool Required = false);
