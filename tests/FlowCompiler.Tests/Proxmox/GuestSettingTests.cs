using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>Note and hostname: plain configuration keys, written by VMID on the guest's own node.</summary>
public sealed class GuestSettingTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task A_vm_note_is_set_through_a_configuration_task()
    {
        await Client.SetNoteAsync(Vm, "Customer 4711", Bounded);

        Assert.Equal("Customer 4711", Pve.Guest(Vm).Config["description"]);
        var write = Assert.Single(Writes);
        Assert.Equal(("POST", "/nodes/pve1/qemu/100/config"), (write.Method, write.Path));
        Assert.Equal("application/x-www-form-urlencoded", write.ContentType);
        Assert.Contains(Pve.Requests, r => r.Path.StartsWith("/nodes/pve1/tasks/UPID:pve1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_container_note_is_set_with_a_synchronous_put()
    {
        await Client.SetNoteAsync(Container, "Customer 4712", Bounded);

        Assert.Equal("Customer 4712", Pve.Guest(Container).Config["description"]);
        var write = Assert.Single(Writes);
        Assert.Equal(("PUT", "/nodes/pve2/lxc/200/config"), (write.Method, write.Path));
        Assert.DoesNotContain(Pve.Requests, r => r.Path.Contains("/tasks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_note_with_line_breaks_and_form_special_characters_arrives_unchanged()
    {
        const string Note = "Plan: 2 GB + 50% = ok & paid\nsecond line; a=b,c";

        await Client.SetNoteAsync(Vm, Note, Bounded);

        Assert.Equal(Note, Pve.Guest(Vm).Config["description"]);
    }

    [Fact]
    public async Task An_empty_note_deletes_the_description()
    {
        await Client.SetNoteAsync(Vm, "", Bounded);

        Assert.False(Pve.Guest(Vm).Config.ContainsKey("description"));
        Assert.Equal("description", Assert.Single(Writes).Parameter("delete"));
    }

    [Fact]
    public async Task A_note_longer_than_proxmox_allows_is_rejected_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SetNoteAsync(Vm, new string('x', 8193), Bounded));

        Assert.Empty(Pve.Requests);
    }

    [Fact]
    public async Task A_vm_hostname_is_its_name()
    {
        await Client.SetHostnameAsync(Vm, "web2.example.com", Bounded);

        Assert.Equal("web2.example.com", Pve.Guest(Vm).Config["name"]);
        Assert.Equal("web2.example.com", Assert.Single(Writes).Parameter("name"));
    }

    [Fact]
    public async Task A_container_hostname_is_its_hostname()
    {
        await Client.SetHostnameAsync(Container, "ct2", Bounded);

        Assert.Equal("ct2", Pve.Guest(Container).Config["hostname"]);
        Assert.Equal("ct2", Assert.Single(Writes).Parameter("hostname"));
    }

    [Fact]
    public async Task Invalid_hostnames_are_rejected_before_any_request()
    {
        string[] invalid = ["", "-web", "web-", "under_score", "a..b", "dot.", "white space", "ümlaut", new string('a', 64), "host\n"];

        foreach (var hostname in invalid)
        {
            var exception = await Assert.ThrowsAsync<ArgumentException>(() => Client.SetHostnameAsync(Vm, hostname, Bounded));
            Assert.Contains("not a valid hostname", exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Pve.Requests);
    }
}
