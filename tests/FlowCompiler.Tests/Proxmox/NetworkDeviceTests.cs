using FlowCompiler.Runtime.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>
/// VLAN tag and rate limit: one key changes inside the full property string of the lowest netN, written back with
/// the digest of the configuration it was read from.
/// </summary>
public sealed class NetworkDeviceTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_vm_vlan_change_keeps_the_mac_and_every_other_key_of_its_lowest_device()
    {
        var digest = Pve.Guest(Vm).Digest;

        await Client.SetVlanTagAsync(Vm, 42, Bounded);

        var config = Pve.Guest(Vm).Config;
        Assert.Equal($"virtio={VmMac},bridge=vmbr0,firewall=1,tag=42,queues=4", config["net1"]);
        Assert.Equal(VmNet3, config["net3"]);
        var write = Assert.Single(Writes);
        Assert.Equal(["digest", "net1"], write.Parameters.Select(p => p.Key).Order());
        Assert.Equal(digest, write.Parameter("digest"));
    }

    [Fact]
    public async Task A_container_vlan_tag_is_added_to_net0_keeping_hwaddr_and_addresses()
    {
        var digest = Pve.Guest(Container).Digest;

        await Client.SetVlanTagAsync(Container, 7, Bounded);

        Assert.Equal(ContainerNet0 + ",tag=7", Pve.Guest(Container).Config["net0"]);
        var write = Assert.Single(Writes);
        Assert.Equal("PUT", write.Method);
        Assert.Equal(digest, write.Parameter("digest"));
    }

    [Fact]
    public async Task A_vm_rate_limit_is_added_as_megabytes_per_second()
    {
        await Client.SetRateLimitAsync(Vm, 12.50m, Bounded);

        Assert.Equal(VmNet1 + ",rate=12.5", Pve.Guest(Vm).Config["net1"]);
    }

    [Fact]
    public async Task A_container_rate_limit_replaces_the_old_one_in_place()
    {
        Pve.Guest(Container).Config["net0"] = $"name=eth0,bridge=vmbr0,hwaddr={ContainerMac},rate=5,type=veth";

        await Client.SetRateLimitAsync(Container, 100, Bounded);

        Assert.Equal($"name=eth0,bridge=vmbr0,hwaddr={ContainerMac},rate=100,type=veth", Pve.Guest(Container).Config["net0"]);
    }

    [Fact]
    public async Task Out_of_range_tags_and_negative_rates_are_rejected_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SetVlanTagAsync(Vm, 0, Bounded));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SetVlanTagAsync(Vm, 4095, Bounded));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SetRateLimitAsync(Vm, -1, Bounded));

        Assert.Empty(Pve.Requests);
    }

    [Fact]
    public async Task A_guest_without_network_device_is_reported_and_not_written()
    {
        Pve.AddGuest(101, VmNode, "qemu", running: false, ("name", "bare"), ("memory", "1024"));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetVlanTagAsync(101, 5, Bounded));

        Assert.Contains("VM 101", exception.Message, StringComparison.Ordinal);
        Assert.Contains("no network device", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Writes);
    }
}
