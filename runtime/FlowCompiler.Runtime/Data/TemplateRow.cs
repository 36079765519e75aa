using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A Proxmox template servers are installed from. Table <c>templates</c>.</summary>
[FlowTable("templates")]
public sealed class TemplateRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Linked Proxmox VMID.</summary>
    public int Vmid { get; set; }

    /// <summary>Overriding display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Default user for cloud-init.</summary>
    public string DefaultUser { get; set; } = "";

    /// <summary>Default drive used for cloud-init.</summary>
    public string DefaultDrive { get; set; } = "";

    /// <summary>Minimal disk size in GB.</summary>
    public int MinDisk { get; set; }

    /// <summary>Minimal number of CPU cores.</summary>
    public int MinCpu { get; set; }

    /// <summary>Minimal memory in MB.</summary>
    [FlowName("minRAM")]
    public int MinRam { get; set; }

    /// <summary>1 if the template is disabled.</summary>
    public int Disabled { get; set; }
}
