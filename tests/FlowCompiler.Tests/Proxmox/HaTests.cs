using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>HA resources are created or updated with an explicit state, so that HA never starts or stops the guest.</summary>
public sealed class HaTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_stopped_container_gets_a_new_resource_in_state_stopped_and_stays_stopped()
    {
        var change = await Client.ConfigureHaAsync(Container, new ProxmoxHaSettings("web", 2, 3), Bounded);

        Assert.Equal(ProxmoxHaChange.Created, change);
        var create = Assert.Single(Writes);
        Assert.Equal(("POST", "/cluster/ha/resources"), (create.Method, create.Path));
        Assert.Equal(
            [("sid", "ct:200"), ("state", "stopped"), ("group", "web"), ("max_relocate", "2"), ("max_restart", "3")],
            create.Parameters.Select(p => (p.Key, p.Value)));
        Assert.Equal("stopped", Pve.Guest(Container).Status);
    }

    [Fact]
    public async Task A_running_vm_gets_a_new_resource_in_state_started()
    {
        var change = await Client.ConfigureHaAsync(Vm, new ProxmoxHaSettings(null, 1, null), Bounded);

        Assert.Equal(ProxmoxHaChange.Created, change);
        var create = Assert.Single(Writes);
        Assert.Equal("vm:100", create.Parameter("sid"));
        Assert.Equal("started", create.Parameter("state"));
        Assert.False(create.Has("group"));
        Assert.False(create.Has("max_restart"));
        Assert.Equal("running", Pve.Guest(Vm).Status);
    }

    [Fact]
    public async Task An_existing_resource_is_updated_keeping_its_requested_state_explicitly()
    {
        Pve.State.HaResources["ct:200"] = new EmulatedHaResource("ct:200", "ct") { State = "disabled", Group = "web" };

        var change = await Client.ConfigureHaAsync(Container, new ProxmoxHaSettings(null, 0, 5), Bounded);

        Assert.Equal(ProxmoxHaChange.Updated, change);
        var update = Assert.Single(Writes);
        Assert.Equal(("PUT", "/cluster/ha/resources/ct:200"), (update.Method, update.Path));
        Assert.Equal([("state", "disabled"), ("max_relocate", "0"), ("max_restart", "5")], update.Parameters.Select(p => (p.Key, p.Value)));
        var resource = Pve.State.HaResources["ct:200"];
        Assert.Equal(("disabled", "web", 0, 5), (resource.State, resource.Group, resource.MaxRelocate, resource.MaxRestart));
        Assert.Equal("stopped", Pve.Guest(Container).Status);
    }

    [Fact]
    public async Task An_existing_resource_without_state_is_sent_proxmox_default_started()
    {
        Pve.State.HaResources["vm:100"] = new EmulatedHaResource("vm:100", "vm");

        await Client.ConfigureHaAsync(Vm, new ProxmoxHaSettings("web", null, null), Bounded);

        var update = Assert.Single(Writes);
        Assert.Equal("started", update.Parameter("state"));
        Assert.Equal("web", Pve.State.HaResources["vm:100"].Group);
    }

    [Fact]
    public async Task On_proxmox_9_a_group_is_refused_with_the_server_text_and_an_explanation()
    {
        Pve.State.HaGroupsMigratedToRules = true;

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(
            () => Client.ConfigureHaAsync(Vm, new ProxmoxHaSettings("web", 1, 1), Bounded));

        Assert.Contains("invalid parameter 'group': ha groups have been migrated to rules", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Proxmox VE 9", exception.Message, StringComparison.Ordinal);
        Assert.Equal("invalid parameter 'group': ha groups have been migrated to rules", exception.ProxmoxMessage);
        Assert.Empty(Pve.State.HaResources);
    }

    [Fact]
    public async Task On_proxmox_9_a_resource_without_group_is_created()
    {
        Pve.State.HaGroupsMigratedToRules = true;

        var change = await Client.ConfigureHaAsync(Vm, new ProxmoxHaSettings(null, 1, 1), Bounded);

        Assert.Equal(ProxmoxHaChange.Created, change);
        Assert.Equal("started", Pve.State.HaResources["vm:100"].State);
    }

    [Fact]
    public async Task An_unknown_group_is_reported_with_the_server_text()
    {
        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(
            () => Client.ConfigureHaAsync(Container, new ProxmoxHaSettings("nope", null, null), Bounded));

        Assert.Contains("HA group 'nope' does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_proxmox_would_refuse_are_rejected_when_created()
    {
        Assert.Throws<ArgumentException>(() => new ProxmoxHaSettings("1group", null, null));
        Assert.Throws<ArgumentException>(() => new ProxmoxHaSettings("web group", null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxmoxHaSettings(null, -1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProxmoxHaSettings(null, null, -1));
    }
}
