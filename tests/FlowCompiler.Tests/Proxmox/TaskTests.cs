using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>qemu configuration changes run as tasks: polled until stopped, judged by their exit status.</summary>
public sealed class TaskTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task The_client_polls_a_running_task_until_it_stops()
    {
        await Client.SetNoteAsync(Vm, "polled", Bounded);

        var polls = Pve.Requests.Count(r => r.Path.EndsWith("/status", StringComparison.Ordinal));
        Assert.True(polls >= 2, $"expected a poll that saw 'running' and one that saw 'stopped', got {polls}");
        Assert.Equal("polled", Pve.Guest(Vm).Config["description"]);
    }

    [Fact]
    public async Task A_task_that_ends_with_warnings_is_a_success()
    {
        Pve.State.TaskOutcome = EmulatedTaskOutcome.Warnings(2);

        await Client.SetVlanTagAsync(Vm, 300, Bounded);

        Assert.Contains("tag=300", Pve.Guest(Vm).Config["net1"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_task_raises_its_exit_status_and_changes_nothing()
    {
        Pve.State.TaskOutcome = EmulatedTaskOutcome.Failure("unable to hotplug net1: bridge 'vmbr0' does not exist");

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => Client.SetVlanTagAsync(Vm, 300, Bounded));

        Assert.Contains("unable to hotplug net1: bridge 'vmbr0' does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains("UPID:pve1:", exception.Message, StringComparison.Ordinal);
        Assert.Equal("unable to hotplug net1: bridge 'vmbr0' does not exist", exception.ProxmoxMessage);
        Assert.Equal(VmNet1, Pve.Guest(Vm).Config["net1"]);
    }

    [Fact]
    public async Task A_task_that_never_stops_is_given_up_after_the_wait_limit()
    {
        Pve.State.TaskOutcome = EmulatedTaskOutcome.NeverFinishes;
        using var client = Pve.CreateClient(taskWaitLimit: TimeSpan.FromMilliseconds(300));

        var exception = await Assert.ThrowsAsync<ProxmoxApiException>(() => client.SetNoteAsync(Vm, "slow", Bounded));

        Assert.Contains("still running", exception.Message, StringComparison.Ordinal);
    }
}
