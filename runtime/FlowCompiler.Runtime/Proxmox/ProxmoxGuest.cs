namespace FlowCompiler.Runtime.Proxmox;

/// <summary>Where a guest lives in the cluster and whether it runs, as <c>/cluster/resources</c> reports it.</summary>
/// <param name="Vmid">The guest's VMID.</param>
/// <param name="Node">The node the guest is on.</param>
/// <param name="Type">Virtual machine or container.</param>
/// <param name="Status">Proxmox's status text, e.g. <c>running</c> or <c>stopped</c>.</param>
/// <param name="Name">The guest's name, if it has one.</param>
public sealed record ProxmoxGuest(int Vmid, string Node, ProxmoxGuestType Type, string Status, string? Name)
{
    /// <summary>Whether the guest is running right now.</summary>
    public bool IsRunning => Status == "running";

    /// <summary>How Proxmox's own messages name the guest: <c>VM 100</c> or <c>CT 100</c>.</summary>
    public string DisplayName => (Type == ProxmoxGuestType.Qemu ? "VM " : "CT ") + Vmid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The path segment of the guest's type: <c>qemu</c> or <c>lxc</c>.</summary>
    internal string TypeSegment => Type == ProxmoxGuestType.Qemu ? "qemu" : "lxc";
}
