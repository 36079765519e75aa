namespace FlowCompiler.Runtime.Events;

/// <summary>The payload of the <c>server.*</c> events: the server as the panel knows it, with its charges.</summary>
public sealed class ServerEvent
{
    /// <summary>Database id.</summary>
    public int Id { get; init; }

    /// <summary>VMID in Proxmox.</summary>
    public int Vmid { get; init; }

    /// <summary>Id of the user who owns the server.</summary>
    public int Userid { get; init; }

    /// <summary>Hostname of the server.</summary>
    public string Hostname { get; init; } = "";

    /// <summary>Number of CPU cores.</summary>
    public int Cpu { get; init; }

    /// <summary>Memory in MB.</summary>
    public int Ram { get; init; }

    /// <summary>Disk size in GB.</summary>
    public int Disk { get; init; }

    /// <summary>Text name of the operating system.</summary>
    public string Os { get; init; } = "";

    /// <summary>IPv4 address, if one is assigned.</summary>
    public string? Ip { get; init; }

    /// <summary>IPv6 address, if one is assigned.</summary>
    public string? Ip6 { get; init; }

    /// <summary>Proxmox node the server is deployed on.</summary>
    public string Node { get; init; } = "";

    /// <summary>When the server was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When the server was deleted, if it was.</summary>
    public DateTime? DeletedAt { get; init; }

    /// <summary>When the next payment is due.</summary>
    public DateTime? NextPayment { get; init; }

    /// <summary>When the last payment reminder was sent.</summary>
    public DateTime? PaymentReminderSent { get; init; }

    /// <summary>The package the server was created from, if any.</summary>
    public int? PackageId { get; init; }

    /// <summary>online, offline, starting, stopping, restarting or suspended.</summary>
    public string Status { get; init; } = "";

    /// <summary>When the server was cancelled, if it was.</summary>
    public DateTime? CancelledAt { get; init; }

    /// <summary>The charges billed for the server.</summary>
    public IReadOnlyList<ServerCharge> Charges { get; init; } = [];
}
