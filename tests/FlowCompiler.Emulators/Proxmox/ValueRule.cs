namespace FlowCompiler.Emulators.Proxmox;

/// <summary>Checks one parameter value; returns Proxmox's error text, or null when the value is valid.</summary>
internal delegate string? ValueRule(string value);
