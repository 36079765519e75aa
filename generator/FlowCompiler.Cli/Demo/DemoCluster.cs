using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Cli.Demo;

/// <summary>The demo's Proxmox VE cluster: the API emulator with the VM of the demo's new server and HA group <c>fra-1</c>.</summary>
internal static class DemoCluster
{
    public static async Task<ProxmoxEmulator> StartAsync()
    {
        var cluster = await ProxmoxEmulator.StartAsync();
        cluster.AddGuest(DemoPanelData.NewServerVmid, DemoPanelData.Node, "qemu", running: true,
            ("name", "ubuntu-2204"),
            ("cores", "4"),
            ("memory", "8192"),
            ("net0", "virtio=BC:24:11:47:11:00,bridge=vmbr0,firewall=1"),
            ("scsi0", "local-lvm:vm-4711-disk-0,size=120G"));
        cluster.State.HaGroups.Add("fra-1");
        return cluster;
    }
}
