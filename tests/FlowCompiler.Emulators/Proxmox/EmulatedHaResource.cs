namespace FlowCompiler.Emulators.Proxmox;

/// <summary>An entry of the emulated <c>/etc/pve/ha/resources.cfg</c>.</summary>
internal sealed class EmulatedHaResource(string sid, string type)
{
    public string Sid { get; } = sid;

    /// <summary><c>vm</c> or <c>ct</c>.</summary>
    public string Type { get; } = type;

    /// <summary>The requested state; null when never given, which HA treats as <c>started</c>.</summary>
    public string? State { get; set; }

    public string? Group { get; set; }

    public int? MaxRelocate { get; set; }

    public int? MaxRestart { get; set; }

    public string? Comment { get; set; }
}
