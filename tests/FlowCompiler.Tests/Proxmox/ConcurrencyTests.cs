using FlowCompiler.Runtime.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>A concurrent change makes the digest stale; a locked guest refuses changes.</summary>
public sealed class ConcurrencyTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_vm_edit_that_loses_a_digest_race_is_redone_on_the_new_configuration()
    {
        Pve.State.ChangeConfigAfterRead(Vm, "description", "edited by an admin", times: 1);

        await Client.SetVlanTagAsync(Vm, 42, Bounded);

        var config = Pve.Guest(Vm).Config;
        Assert.Contains("tag=42", config["net1"], StringComparison.Ordinal);
        Assert.StartsWith("edited by an admin", config["description"], StringComparison.Ordinal);
        var writes = Writes;
        Assert.Equal(2, writes.Count);
        Assert.NotEqual(writes[0].Parameter("digest"), writes[1].Parameter("digest"));
    }

    [Fact]
    public async Task A_container_edit_that_loses_a_digest_race_is_redone_on_the_new_configuration()
    {
        Pve.State.ChangeConfigAfterRead(Container, "description", "edited by an admin", times: 1);

        await Client.SetRateLimitAsync(Container, 20, Bounded);

        Assert.Contains("rate=20", Pve.Guest(Container).Config["net0"], StringComparison.Ordinal);
        Assert.Equal(2, Writes.Count);
    }

    [Fact]
    public async Task A_configuration_that_keeps_changing_is_given_up_with_proxmox_text()
    {
        Pve.State.ChangeConfigAfterRead(Vm, "description", "busy", times: 100);

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetVlanTagAsync(Vm, 42, Bounded));

        Assert.Contains("checksum missmatch (file change by other user?)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempts", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, Writes.Count);
        Assert.Equal(VmNet1, Pve.Guest(Vm).Config["net1"]);
    }

    [Fact]
    public async Task A_locked_vm_refuses_the_change_with_proxmox_text_and_is_not_retried()
    {
        Pve.Guest(Vm).Lock = "backup";

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetVlanTagAsync(Vm, 42, Bounded));

        Assert.Contains("VM 100 is locked (backup)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(500, exception.StatusCode);
        Assert.Single(Writes);
    }

    [Fact]
    public async Task A_locked_container_refuses_the_change_with_proxmox_text()
    {
        Pve.Guest(Container).Lock = "migrate";

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetHostnameAsync(Container, "ct9", Bounded));

        Assert.Contains("CT 200 is locked (migrate)", exception.Message, StringComparison.Ordinal);
        Assert.Equal("ct1", Pve.Guest(Container).Config["hostname"]);
    }
}
