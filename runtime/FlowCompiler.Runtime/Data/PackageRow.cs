using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A server package. Table <c>packages</c>.</summary>
[FlowTable("packages")]
public sealed class PackageRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>Name of the package.</summary>
    public string Name { get; set; } = "";

    /// <summary>Price.</summary>
    public decimal Price { get; set; }

    /// <summary>Number of cores.</summary>
    public int Cpu { get; set; }

    /// <summary>Memory in MB.</summary>
    public int Ram { get; set; }

    /// <summary>Disk size in GB.</summary>
    public int Disk { get; set; }

    /// <summary>Key-value attributes.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; set; } = new Dictionary<string, string>();

    /// <summary>1 free OS choice, 2 fixed OS.</summary>
    public int Type { get; set; }

    /// <summary>Linked Proxmox template when type is 2.</summary>
    public int? TemplateId { get; set; }
}
