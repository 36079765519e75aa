using FlowCompiler.Runtime.Catalog;

namespace FlowCompiler.Runtime.Data;

/// <summary>A server in the panel database. Table <c>servers</c>.</summary>
[FlowTable("servers")]
public sealed class ServerRow
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>VMID in Proxmox.</summary>
    public int Vmid { get; set; }

    /// <summary>Id of the user who owns the server.</summary>
    public int Userid { get; set; }

    /// <summary>Hostname of the server.</summary>
    public string Hostname { get; set; } = "";

    /// <summary>Number of CPU cores.</summary>
    public int Cpu { get; set; }

    /// <summary>Memory in MB.</summary>
    public int Ram { get; set; }

    /// <summary>Disk size in GB.</summary>
    public int Disk { get; set; }

    /// <summary>Text name of the operating system.</summary>
    public string Os { get; set; } = "";

    /// <summary>Id of the server's row in ipv4Addresses.</summary>
    public int? Ip { get; set; }

    /// <summary>Id of the server's row in ipv6Addresses.</summary>
    public int? Ip6 { get; set; }

    /// <summary>Proxmox node the server is deployed on.</summary>
    public string Node { get; set; } = "";

    /// <summary>When the server was created.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the server was deleted, if it was.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>When the next payment is due.</summary>
    public DateTime? NextPayment { get; set; }

    /// <summary>When the last payment reminder was sent.</summary>
    public DateTime? PaymentReminderSent { get; set; }

    /// <summary>The package the server was created from.</summary>
    public int? PackageId { get; set; }

    /// <summary>Online, offline, starting, stopping, restarting or suspended.</summary>
    public string Status { get; set; } = "";

    /// <summary>When the server was cancelled.</summary>
    public DateTime? CancelledAt { get; set; }
}
