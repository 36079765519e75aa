using System.Text.RegularExpressions;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>What to set on a guest's HA resource. A null value is left as Proxmox has it.</summary>
public sealed partial record ProxmoxHaSettings
{
    /// <summary>Checks and creates the settings.</summary>
    /// <param name="group">HA group id (not available on Proxmox VE 9, which replaced groups with rules), or null.</param>
    /// <param name="maxRelocate">How often HA may move the guest to another node after failed starts (0 or more), or null.</param>
    /// <param name="maxRestart">How often HA may restart the guest on its node after a failed start (0 or more), or null.</param>
    /// <exception cref="ArgumentException">A value Proxmox would refuse.</exception>
    public ProxmoxHaSettings(string? group, int? maxRelocate, int? maxRestart)
    {
        if (group is not null && !ConfigId().IsMatch(group))
        {
            throw new ArgumentException(
                $"HA group '{group}' is not a valid Proxmox id: a letter, then letters, digits, '-' or '_'.", nameof(group));
        }

        if (maxRelocate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRelocate), maxRelocate, "max_relocate cannot be negative.");
        }

        if (maxRestart < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRestart), maxRestart, "max_restart cannot be negative.");
        }

        Group = group;
        MaxRelocate = maxRelocate;
        MaxRestart = maxRestart;
    }

    /// <summary>HA group id, or null to leave it.</summary>
    public string? Group { get; }

    /// <summary>Relocation tries, or null to leave it.</summary>
    public int? MaxRelocate { get; }

    /// <summary>Restart tries, or null to leave it.</summary>
    public int? MaxRestart { get; }

    // Proxmox's pve-configid format.
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_\-]+\z")]
    private static partial Regex ConfigId();
}
