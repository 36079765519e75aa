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
    public async Task Two_concurrent_changes_to_one_vm_both_land_and_the_one_that_lost_the_race_is_redone()
    {
        using var client = RacingClient(concurrentChanges: 2);

        await Task.WhenAll(client.SetVlanTagAsync(Vm, 42, Bounded), client.SetRateLimitAsync(Vm, 20, Bounded));

        var net1 = Pve.Guest(Vm).Config["net1"];
        Assert.Contains("tag=42", net1, StringComparison.Ordinal);
        Assert.Contains("rate=20", net1, StringComparison.Ordinal);
        var writes = Writes;
        Assert.Equal(3, writes.Count);
        Assert.Equal(writes[0].Parameter("digest"), writes[1].Parameter("digest"));
        Assert.NotEqual(writes[1].Parameter("digest"), writes[2].Parameter("digest"));
    }

    [Fact]
    public async Task Three_concurrent_changes_to_one_vm_as_in_the_demo_all_land()
    {
        using var client = RacingClient(concurrentChanges: 3);

        await Task.WhenAll(
            client.SetVlanTagAsync(Vm, 120, Bounded),
            client.SetRateLimitAsync(Vm, 12, Bounded),
            client.AssignIpAddressAsync(Vm, ProxmoxIpAssignment.Parse("203.0.113.11", 24, "203.0.113.1"), Bounded));

        var config = Pve.Guest(Vm).Config;
        Assert.Contains("tag=120", config["net1"], StringComparison.Ordinal);
        Assert.Contains("rate=12", config["net1"], StringComparison.Ordinal);
        Assert.StartsWith("ip=203.0.113.11/24,gw=203.0.113.1,", config["ipconfig1"], StringComparison.Ordinal);
        // Each round one change lands and the others are redone on the configuration it left: 3 + 2 + 1 writes.
        Assert.Equal(6, Writes.Count);
        Assert.All(Writes, write => Assert.NotNull(write.Parameter("digest")));
    }

    [Fact]
    public async Task A_note_that_loses_a_digest_race_is_redone_and_keeps_the_other_change()
    {
        Pve.State.ChangeConfigAfterRead(Vm, "name", "renamed-by-an-admin", times: 1);

        await Client.SetNoteAsync(Vm, "Customer 4711", Bounded);

        var config = Pve.Guest(Vm).Config;
        Assert.Equal("Customer 4711", config["description"]);
        Assert.StartsWith("renamed-by-an-admin", config["name"], StringComparison.Ordinal);
        var writes = Writes;
        Assert.Equal(2, writes.Count);
        Assert.All(writes, write => Assert.NotNull(write.Parameter("digest")));
    }

    [Fact]
    public async Task A_container_hostname_that_loses_a_digest_race_is_redone()
    {
        Pve.State.ChangeConfigAfterRead(Container, "description", "edited by an admin", times: 1);

        await Client.SetHostnameAsync(Container, "ct2", Bounded);

        Assert.Equal("ct2", Pve.Guest(Container).Config["hostname"]);
        Assert.Equal(2, Writes.Count);
    }

    [Fact]
    public async Task A_configuration_that_keeps_changing_is_given_up_with_proxmox_text()
    {
        Pve.State.ChangeConfigAfterRead(Vm, "description", "busy", times: 100);

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetVlanTagAsync(Vm, 42, Bounded));

        Assert.Contains("checksum missmatch (file change by other user?)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("8 attempts", exception.Message, StringComparison.Ordinal);
        Assert.Equal(8, Writes.Count);
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

    // A client whose changes all read the configuration before any of them writes, as concurrent flows may.
    private ProxmoxClient RacingClient(int concurrentChanges)
    {
        var options = Pve.ClientOptions();
        return new ProxmoxClient(options, new ConfigReadBarrier(concurrentChanges) { InnerHandler = ProxmoxHttpHandler.Create(options) });
    }
}
