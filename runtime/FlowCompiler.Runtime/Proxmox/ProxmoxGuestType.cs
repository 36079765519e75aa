namespace FlowCompiler.Runtime.Proxmox;

/// <summary>The two kinds of guest Proxmox runs.</summary>
public enum ProxmoxGuestType
{
    /// <summary>A QEMU/KVM virtual machine (<c>qemu</c>).</summary>
    Qemu,

    /// <summary>An LXC container (<c>lxc</c>).</summary>
    Lxc,
}
