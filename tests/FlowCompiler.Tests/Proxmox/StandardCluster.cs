using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

/// <summary>
/// The cluster most tests run against: a running VM whose first device is net1 (net3 comes first in its file),
/// with cloud-init addresses of both families, and a stopped container; HA group <c>web</c> exists.
/// </summary>
internal static class StandardCluster
{
    public const int Vm = 100;
    public const int Container = 200;
    public const string VmNode = "pve1";
    public const string ContainerNode = "pve2";
    public const string VmMac = "BC:24:11:2A:3B:4C";
    public const string ContainerMac = "BC:24:11:5D:6E:7F";
    public const string VmNet1 = $"virtio={VmMac},bridge=vmbr0,firewall=1,tag=10,queues=4";
    public const string VmNet3 = "virtio=BC:24:11:00:00:03,bridge=vmbr1";
    public const string VmIpConfig1 = "ip=192.0.2.10/24,gw=192.0.2.1,ip6=2001:db8::10/64,gw6=2001:db8::1";
    public const string ContainerNet0 =
        $"name=eth0,bridge=vmbr0,hwaddr={ContainerMac},ip=198.51.100.5/24,gw=198.51.100.1,ip6=2001:db8:1::5/64,gw6=2001:db8:1::1,type=veth";

    public static async Task<ProxmoxEmulator> StartAsync()
    {
        var pve = await ProxmoxEmulator.StartAsync();
        pve.AddGuest(Vm, VmNode, "qemu", running: true,
            ("name", "web1"),
            ("cores", "2"),
            ("memory", "2048"),
            ("description", "old note"),
            ("net3", VmNet3),
            ("net1", VmNet1),
            ("ipconfig1", VmIpConfig1),
            ("scsi0", "local-lvm:vm-100-disk-0,size=32G"));
        pve.AddGuest(Container, ContainerNode, "lxc", running: false,
            ("hostname", "ct1"),
            ("memory", "512"),
            ("ostype", "debian"),
            ("net0", ContainerNet0),
            ("rootfs", "local-lvm:vm-200-disk-0,size=8G"));
        pve.State.HaGroups.Add("web");
        return pve;
    }
}
