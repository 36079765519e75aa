using System.Net;
using FlowCompiler.Runtime.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>
/// Addresses go into the VM's cloud-init ipconfigN (N of its lowest netN) or the container's lowest netN,
/// replacing one family and keeping the other.
/// </summary>
public sealed class IpAssignmentTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_vm_ipv4_assignment_replaces_ip_and_gw_and_keeps_ipv6()
    {
        await Client.AssignIpAddressAsync(Vm, ProxmoxIpAssignment.Parse("203.0.113.7", 24, "203.0.113.1"), Bounded);

        Assert.Equal("ip=203.0.113.7/24,gw=203.0.113.1,ip6=2001:db8::10/64,gw6=2001:db8::1", Pve.Guest(Vm).Config["ipconfig1"]);
        Assert.Equal(VmNet1, Pve.Guest(Vm).Config["net1"]);
        Assert.NotNull(Assert.Single(Writes).Parameter("digest"));
    }

    [Fact]
    public async Task A_vm_ipv6_assignment_replaces_ip6_and_gw6_and_keeps_ipv4()
    {
        await Client.AssignIpAddressAsync(Vm, ProxmoxIpAssignment.Parse("2001:db8:5::7", 64, "2001:db8:5::1"), Bounded);

        Assert.Equal("ip=192.0.2.10/24,gw=192.0.2.1,ip6=2001:db8:5::7/64,gw6=2001:db8:5::1", Pve.Guest(Vm).Config["ipconfig1"]);
    }

    [Fact]
    public async Task An_assignment_without_gateway_removes_the_old_gateway_of_that_family()
    {
        await Client.AssignIpAddressAsync(Vm, ProxmoxIpAssignment.Parse("203.0.113.7", 32, null), Bounded);

        Assert.Equal("ip=203.0.113.7/32,ip6=2001:db8::10/64,gw6=2001:db8::1", Pve.Guest(Vm).Config["ipconfig1"]);
    }

    [Fact]
    public async Task A_vm_without_ipconfig_for_its_first_device_gets_one()
    {
        Pve.AddGuest(102, VmNode, "qemu", running: true, ("name", "fresh"), ("net0", "virtio=BC:24:11:00:01:02,bridge=vmbr0"));

        await Client.AssignIpAddressAsync(102, ProxmoxIpAssignment.Parse("203.0.113.8", 24, "203.0.113.1"), Bounded);

        Assert.Equal("ip=203.0.113.8/24,gw=203.0.113.1", Pve.Guest(102).Config["ipconfig0"]);
    }

    [Fact]
    public async Task A_container_ipv4_assignment_edits_net0_keeping_hwaddr_and_ipv6()
    {
        await Client.AssignIpAddressAsync(Container, new ProxmoxIpAssignment(IPAddress.Parse("203.0.113.9"), 25, IPAddress.Parse("203.0.113.1")), Bounded);

        Assert.Equal(
            $"name=eth0,bridge=vmbr0,hwaddr={ContainerMac},ip=203.0.113.9/25,gw=203.0.113.1,ip6=2001:db8:1::5/64,gw6=2001:db8:1::1,type=veth",
            Pve.Guest(Container).Config["net0"]);
        Assert.Equal("PUT", Assert.Single(Writes).Method);
    }

    [Fact]
    public async Task A_container_ipv6_assignment_edits_net0_keeping_ipv4()
    {
        await Client.AssignIpAddressAsync(Container, ProxmoxIpAssignment.Parse("2001:db8:9::5", 64, "2001:db8:9::1"), Bounded);

        Assert.Equal(
            $"name=eth0,bridge=vmbr0,hwaddr={ContainerMac},ip=198.51.100.5/24,gw=198.51.100.1,ip6=2001:db8:9::5/64,gw6=2001:db8:9::1,type=veth",
            Pve.Guest(Container).Config["net0"]);
    }

    [Fact]
    public void Assignments_proxmox_would_refuse_are_rejected_when_created()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProxmoxIpAssignment.Parse("203.0.113.7", 33, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProxmoxIpAssignment.Parse("203.0.113.7", 7, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProxmoxIpAssignment.Parse("2001:db8::1", 129, null));
        Assert.Throws<ArgumentException>(() => ProxmoxIpAssignment.Parse("203.0.113.7", 24, "2001:db8::1"));
        Assert.Throws<ArgumentException>(() => ProxmoxIpAssignment.Parse("fe80::1%2", 64, null));
        Assert.Throws<ArgumentException>(() => ProxmoxIpAssignment.Parse("not-an-ip", 24, null));
    }
}
