using FlowCompiler.Runtime.Proxmox;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox.Conformance;

using static StandardCluster;

/// <summary>
/// Checks the client and the emulator against Proxmox's own API schema (the workplace's shared/ copy, not part of
/// the repository): every request of a session that runs every operation must be one Proxmox accepts.
/// </summary>
public sealed class ProxmoxSchemaConformanceTests
{
    [ProxmoxSchemaFact]
    public async Task Every_request_of_a_session_with_every_operation_conforms_to_the_proxmox_api_schema()
    {
        var schema = PveApiSchema.Load(PveApiSchemaFile.Locate()!);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var pve = await StandardCluster.StartAsync();
        pve.State.HaResources["vm:100"] = new EmulatedHaResource("vm:100", "vm") { State = "started" };
        pve.State.ChangeConfigAfterRead(Vm, "description", "concurrent edit", times: 1);
        using var client = pve.CreateClient();

        foreach (var vmid in new[] { Vm, Container })
        {
            await client.FindGuestAsync(vmid, bound.Token);
            await client.SetNoteAsync(vmid, "Customer 4711 & Co.\nsecond line", bound.Token);
            await client.SetNoteAsync(vmid, "", bound.Token);
            await client.SetHostnameAsync(vmid, $"srv{vmid}.example.com", bound.Token);
            await client.SetVlanTagAsync(vmid, 4094, bound.Token);
            await client.SetRateLimitAsync(vmid, 12.5m, bound.Token);
            await client.AssignIpAddressAsync(vmid, ProxmoxIpAssignment.Parse("203.0.113.7", 24, "203.0.113.1"), bound.Token);
            await client.AssignIpAddressAsync(vmid, ProxmoxIpAssignment.Parse("2001:db8:5::7", 64, "2001:db8:5::1"), bound.Token);
            await client.AssignIpAddressAsync(vmid, ProxmoxIpAssignment.Parse("203.0.113.8", 32, null), bound.Token);
            await client.ConfigureHaAsync(vmid, new ProxmoxHaSettings("web", 2, 3), bound.Token);
        }

        var violations = pve.Requests.SelectMany(request => schema.Violations(request).Select(violation => $"{request}: {violation}"));
        Assert.Empty(violations);
        Assert.Equal(
            [
                "GET /cluster/ha/resources",
                "GET /cluster/resources",
                "GET /nodes/{node}/lxc/{vmid}/config",
                "GET /nodes/{node}/qemu/{vmid}/config",
                "GET /nodes/{node}/tasks/{upid}/status",
                "POST /cluster/ha/resources",
                "POST /nodes/{node}/qemu/{vmid}/config",
                "PUT /cluster/ha/resources/{sid}",
                "PUT /nodes/{node}/lxc/{vmid}/config",
            ],
            pve.Requests.Select(request => $"{request.Method} {schema.TemplateOf(request.Path)}").Distinct().Order(StringComparer.Ordinal));
    }

    [ProxmoxSchemaFact]
    public void The_schema_check_catches_requests_proxmox_would_refuse()
    {
        var schema = PveApiSchema.Load(PveApiSchemaFile.Locate()!);
        const string Form = "application/x-www-form-urlencoded";

        var qemu = schema.Violations(new RecordedRequest("POST", "/nodes/pve1/qemu/100/config",
            [new("net1", "bridge=vmbr0,tag=5000,speed=1"), new("colour", "blue"), new("name", "under_score"), new("ipconfig40", "ip=dhcp")],
            null, Form));
        var ha = schema.Violations(new RecordedRequest("POST", "/cluster/ha/resources", [new("state", "running"), new("max_restart", "-1")], null, Form));
        var path = schema.Violations(new RecordedRequest("GET", "/nodes/pve1/qemu/100/nothing", [], null, null));
        var body = schema.Violations(new RecordedRequest("PUT", "/nodes/pve2/lxc/200/config", [new("hostname", "ok")], null, "application/json"));

        Assert.Contains(qemu, v => v.StartsWith("net1: key 'speed'", StringComparison.Ordinal));
        Assert.Contains(qemu, v => v.StartsWith("net1.tag: 5000 is above the maximum", StringComparison.Ordinal));
        Assert.Contains(qemu, v => v.StartsWith("net1: required key 'model'", StringComparison.Ordinal));
        Assert.Contains(qemu, v => v.StartsWith("colour: not a parameter", StringComparison.Ordinal));
        Assert.Contains(qemu, v => v.StartsWith("name: 'under_score' is not a valid dns-name", StringComparison.Ordinal));
        Assert.Contains(qemu, v => v.StartsWith("ipconfig40: not a parameter", StringComparison.Ordinal));
        Assert.Contains(ha, v => v.StartsWith("state: 'running' is not one of", StringComparison.Ordinal));
        Assert.Contains(ha, v => v.StartsWith("max_restart: -1 is below the minimum", StringComparison.Ordinal));
        Assert.Contains(ha, v => v.StartsWith("sid: required", StringComparison.Ordinal));
        Assert.NotEmpty(path);
        Assert.Contains(body, v => v.Contains("form-urlencoded", StringComparison.Ordinal));
    }

    [ProxmoxSchemaFact]
    public void The_emulator_declares_only_methods_and_parameters_the_schema_declares()
    {
        var schema = PveApiSchema.Load(PveApiSchemaFile.Locate()!);

        var undeclared = EmulatorRouter.Endpoints
            .SelectMany(endpoint => schema.Offers(endpoint.Method, endpoint.Template)
                ? endpoint.Rules.Declared
                    .Where(rule => schema.Parameter(endpoint.Method, endpoint.Template, rule.Name.Replace("[n]", "0", StringComparison.Ordinal)) is null)
                    .Select(rule => $"{endpoint.Method} {endpoint.Template}: {rule.Name}")
                : [$"{endpoint.Method} {endpoint.Template}"]);

        Assert.Empty(undeclared);
    }
}
