using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

public sealed class GuestLookupTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_vm_is_found_with_its_node_type_and_state_through_cluster_resources()
    {
        var guest = await Client.FindGuestAsync(Vm, Bounded);

        Assert.Equal(new ProxmoxGuest(Vm, VmNode, ProxmoxGuestType.Qemu, "running", "web1"), guest);
        var request = Assert.Single(Pve.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/cluster/resources", request.Path);
        Assert.Equal("vm", request.Parameter("type"));
    }

    [Fact]
    public async Task A_container_is_found_with_its_node_type_and_state()
    {
        var guest = await Client.FindGuestAsync(Container, Bounded);

        Assert.Equal(new ProxmoxGuest(Container, ContainerNode, ProxmoxGuestType.Lxc, "stopped", "ct1"), guest);
        Assert.False(guest.IsRunning);
    }

    [Fact]
    public async Task Requests_carry_the_api_token_header_in_proxmox_form()
    {
        await Client.FindGuestAsync(Vm, Bounded);

        Assert.Equal($"PVEAPIToken={ProxmoxEmulator.TokenId}={ProxmoxEmulator.TokenSecret}", Pve.Requests[0].Authorization);
    }

    [Fact]
    public async Task An_unknown_vmid_is_reported_as_missing_from_the_cluster()
    {
        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.FindGuestAsync(999, Bounded));

        Assert.Contains("VMID 999", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vmid_outside_proxmox_range_is_rejected_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.FindGuestAsync(99, Bounded));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.SetNoteAsync(1_000_000_000, "x", Bounded));

        Assert.Empty(Pve.Requests);
    }
}
