using System.Net;
using System.Text.Json;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox;

using static StandardCluster;

/// <summary>
/// The emulator refuses what Proxmox refuses, so that a client passing against it is not passing by leniency.
/// These talk raw HTTP to it.
/// </summary>
public sealed class EmulatorStrictnessTests : ProxmoxEmulatorTests
{
    [Fact]
    public async Task An_unknown_parameter_is_a_400_with_an_error_for_it()
    {
        var (status, body) = await SendAsync(HttpMethod.Put, "/nodes/pve2/lxc/200/config", ("hostname", "ok"), ("colour", "blue"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "property is not defined in schema and the schema does not allow additional properties",
            body.GetProperty("errors").GetProperty("colour").GetString());
    }

    [Fact]
    public async Task A_vlan_tag_out_of_range_inside_a_net_string_is_a_400()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("net1", $"virtio={VmMac},bridge=vmbr0,tag=4095"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tag: value must have a maximum value of 4094", body.GetProperty("errors").GetProperty("net1").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_net_without_name_and_an_ipconfig_gateway_without_address_are_400s()
    {
        var (lxcStatus, _) = await SendAsync(HttpMethod.Put, "/nodes/pve2/lxc/200/config", ("net0", "bridge=vmbr0,tag=5"));
        var (qemuStatus, body) = await SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("ipconfig1", "gw=192.0.2.1"));

        Assert.Equal(HttpStatusCode.BadRequest, lxcStatus);
        Assert.Equal(HttpStatusCode.BadRequest, qemuStatus);
        Assert.Contains("gateway specified without specifying an IP address", body.GetProperty("errors").GetProperty("ipconfig1").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_net_device_sent_without_its_mac_gets_a_new_one_as_on_proxmox()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("net1", "model=virtio,bridge=vmbr0,tag=42"));
        Assert.Equal(HttpStatusCode.OK, status);
        var upid = body.GetProperty("data").GetString()!;
        await SendAsync(HttpMethod.Get, $"/nodes/pve1/tasks/{Uri.EscapeDataString(upid)}/status");
        await SendAsync(HttpMethod.Get, $"/nodes/pve1/tasks/{Uri.EscapeDataString(upid)}/status");

        var net1 = Pve.Guest(Vm).Config["net1"];
        Assert.StartsWith("virtio=BC:24:11:", net1, StringComparison.Ordinal);
        Assert.DoesNotContain(VmMac, net1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_digest_is_refused_with_proxmox_text()
    {
        var (status, body) = await SendAsync(HttpMethod.Put, "/nodes/pve2/lxc/200/config", ("hostname", "x"), ("digest", new string('0', 40)));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("detected modified configuration - file changed by other user? Try again.\n", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_vm_write_with_the_digest_from_before_a_running_change_waits_for_that_change_and_is_refused()
    {
        var (_, read) = await SendAsync(HttpMethod.Get, "/nodes/pve1/qemu/100/config");
        var digest = read.GetProperty("data").GetProperty("digest").GetString()!;
        var (firstStatus, first) = await SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("description", "first"), ("digest", digest));
        Assert.Equal(HttpStatusCode.OK, firstStatus);

        // Sent while the first change's task runs: Proxmox's worker still holds the config lock.
        var second = SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("name", "web9"), ("digest", digest));
        var upid = Uri.EscapeDataString(first.GetProperty("data").GetString()!);
        await SendAsync(HttpMethod.Get, $"/nodes/pve1/tasks/{upid}/status");
        await SendAsync(HttpMethod.Get, $"/nodes/pve1/tasks/{upid}/status");
        var (status, body) = await second;

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("checksum missmatch (file change by other user?)\n", body.GetProperty("message").GetString());
        Assert.Equal(("first", "web1"), (Pve.Guest(Vm).Config["description"], Pve.Guest(Vm).Config["name"]));
    }

    [Fact]
    public async Task A_vm_write_while_another_change_never_ends_times_out_on_the_config_lock_as_proxmox_does()
    {
        Pve.State.TaskOutcome = EmulatedTaskOutcome.NeverFinishes;
        Pve.State.ConfigLockTimeout = TimeSpan.FromMilliseconds(200);
        var (firstStatus, _) = await SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("description", "first"));
        Assert.Equal(HttpStatusCode.OK, firstStatus);

        var (status, body) = await SendAsync(HttpMethod.Post, "/nodes/pve1/qemu/100/config", ("name", "web9"));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout\n", body.GetProperty("message").GetString());
        Assert.Equal("web1", Pve.Guest(Vm).Config["name"]);
    }

    [Fact]
    public async Task A_request_with_a_wrong_token_is_a_401_without_body()
    {
        using var http = new HttpClient { BaseAddress = Pve.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api2/json/cluster/resources");
        request.Headers.TryAddWithoutValidation("Authorization", $"PVEAPIToken={ProxmoxEmulator.TokenId}=wrong");

        using var response = await http.SendAsync(request, Bounded);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid token value!", response.ReasonPhrase);
        Assert.Empty(await response.Content.ReadAsStringAsync(Bounded));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, params (string Key, string Value)[] parameters)
    {
        using var http = new HttpClient { BaseAddress = Pve.BaseUrl };
        using var request = new HttpRequestMessage(method, "/api2/json" + path);
        request.Headers.TryAddWithoutValidation("Authorization", $"PVEAPIToken={ProxmoxEmulator.TokenId}={ProxmoxEmulator.TokenSecret}");
        if (parameters.Length > 0)
        {
            request.Content = new FormUrlEncodedContent(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        }

        using var response = await http.SendAsync(request, Bounded);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Bounded));
        return (response.StatusCode, document.RootElement.Clone());
    }
}
