using FlowCompiler.Runtime.Values;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// The values Proxmox VE accepts for the changes <see cref="ProxmoxClient"/> makes, checked before anything is
/// sent. The client applies them, and so does <see cref="Panel.ServerModifier.Check"/>, which a dry run calls:
/// one rule for both, so a dry run fails where the real run would.
/// </summary>
internal static class ProxmoxValueRules
{
    /// <summary>The longest note Proxmox keeps.</summary>
    public const int MaxNoteLength = 8192;

    /// <exception cref="ArgumentOutOfRangeException">Not a Proxmox VMID.</exception>
    public static void ThrowIfNotVmid(int vmid)
    {
        if (vmid is < 100 or > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(vmid), vmid, "A Proxmox VMID is 100–999999999.");
        }
    }

    /// <exception cref="ArgumentException">The note is too long.</exception>
    public static void ThrowIfNotNote(string note)
    {
        if (note.Length > MaxNoteLength)
        {
            throw new ArgumentException($"A Proxmox note holds at most {MaxNoteLength} characters; this one has {note.Length}.", nameof(note));
        }
    }

    /// <exception cref="ArgumentException">The hostname is not a DNS name.</exception>
    public static void ThrowIfNotHostname(string hostname)
    {
        if (!DnsName.IsValid(hostname))
        {
            throw new ArgumentException(
                $"'{hostname}' is not a valid hostname: use letters, digits and hyphens (not at the start or end of a label), " +
                "labels separated by dots, at most 63 characters per label.",
                nameof(hostname));
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">The tag is not 1–4094.</exception>
    public static void ThrowIfNotVlanTag(int tag)
    {
        if (tag is < 1 or > 4094)
        {
            throw new ArgumentOutOfRangeException(nameof(tag), tag, "A VLAN tag is 1–4094.");
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">The rate is negative.</exception>
    public static void ThrowIfNotRateLimit(decimal megabytesPerSecond)
    {
        if (megabytesPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(megabytesPerSecond), megabytesPerSecond, "A rate limit cannot be negative.");
        }
    }
}
