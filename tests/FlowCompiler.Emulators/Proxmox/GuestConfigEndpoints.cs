using System.Globalization;

namespace FlowCompiler.Emulators.Proxmox;

using static PveValueRules;

/// <summary>
/// Reading and changing guest configurations: qemu's asynchronous <c>POST …/config</c> (a task) and lxc's
/// synchronous <c>PUT …/config</c>, with Proxmox's digest and lock checks. A qemu write waits for the config lock
/// a running configuration task holds, so its digest is checked against the configuration that task left, as on
/// Proxmox. (The task's change is made when it stops; the <c>[PENDING]</c> section Proxmox writes meanwhile is not
/// modelled, and its digest would be stale by then anyway.)
/// </summary>
internal static class GuestConfigEndpoints
{
    private static readonly ParameterRules ReadRules = new(
        CommonParameters.Node,
        CommonParameters.Vmid,
        new ParameterRule("current", Boolean()),
        new ParameterRule("snapshot", All(Text(40), Format(PveFormats.ConfigId))));

    public static IReadOnlyList<EmulatedEndpoint> All { get; } =
    [
        new("GET", "/nodes/{node}/qemu/{vmid}/config", ReadRules, call => Read(call, "qemu")),
        new("POST", "/nodes/{node}/qemu/{vmid}/config", new ParameterRules(
            CommonParameters.Node,
            CommonParameters.Vmid,
            CommonParameters.ConfigDigest,
            CommonParameters.Delete,
            new ParameterRule("description", Text(8192)),
            new ParameterRule("name", Format(PveFormats.DnsName)),
            new ParameterRule("net[n]", Format(PropertyStringGrammars.QemuNet.Check)),
            new ParameterRule("ipconfig[n]", Format(PropertyStringGrammars.QemuIpConfig.Check)),
            new ParameterRule("background_delay", Integer(1, 30)),
            new ParameterRule("skiplock", Boolean())), UpdateQemu, QemuConfigLockHeld),
        new("GET", "/nodes/{node}/lxc/{vmid}/config", ReadRules, call => Read(call, "lxc")),
        new("PUT", "/nodes/{node}/lxc/{vmid}/config", new ParameterRules(
            CommonParameters.Node,
            CommonParameters.Vmid,
            CommonParameters.ConfigDigest,
            CommonParameters.Delete,
            new ParameterRule("description", Text(8192)),
            new ParameterRule("hostname", All(Text(255), Format(PveFormats.DnsName))),
            new ParameterRule("net[n]", Format(PropertyStringGrammars.LxcNet.Check))), UpdateLxc),
    ];

    private static EmulatorResponse Read(EndpointCall call, string type)
    {
        if (Find(call, type) is not { } guest)
        {
            return Missing(call, type);
        }

        var config = guest.ToJson();
        call.State.ConfigWasRead(guest);
        return EmulatorResponse.Ok(config);
    }

    private static EmulatorResponse UpdateQemu(EndpointCall call)
    {
        if (Find(call, "qemu") is not { } guest)
        {
            return Missing(call, "qemu");
        }

        if (Conflicts(call) is { } conflict)
        {
            return conflict;
        }

        // qemu-server checks the digest before the lock, and both before it forks the worker.
        if (call.Parameter("digest") is { } digest && digest != guest.Digest)
        {
            return EmulatorResponse.Error(500, "checksum missmatch (file change by other user?)");
        }

        if (guest.Lock is not null)
        {
            return EmulatorResponse.Error(500, $"VM {guest.Vmid} is locked ({guest.Lock})");
        }

        var changes = call.Parameters;
        var task = call.State.StartTask(guest.Node, "qmconfig", guest.Vmid.ToString(CultureInfo.InvariantCulture), call.State.TokenId, () => guest.Apply(changes));
        guest.ConfigWorker = task;
        return EmulatorResponse.Ok(task.Upid);
    }

    private static ConfigLockWait? QemuConfigLockHeld(EndpointCall call) =>
        Find(call, "qemu") is { ConfigWorker: { Stopped.IsCompleted: false } worker } guest
            ? new ConfigLockWait(worker.Stopped, $"can't lock file '/var/lock/qemu-server/lock-{guest.Vmid.ToString(CultureInfo.InvariantCulture)}.conf' - got timeout")
            : null;

    private static EmulatorResponse UpdateLxc(EndpointCall call)
    {
        if (Find(call, "lxc") is not { } guest)
        {
            return Missing(call, "lxc");
        }

        if (Conflicts(call) is { } conflict)
        {
            return conflict;
        }

        // pve-container checks the lock before the digest.
        if (guest.Lock is not null)
        {
            return EmulatorResponse.Error(500, $"CT {guest.Vmid} is locked ({guest.Lock})");
        }

        if (call.Parameter("digest") is { } digest && digest != guest.Digest)
        {
            return EmulatorResponse.Error(500, "detected modified configuration - file changed by other user? Try again.");
        }

        guest.Apply(call.Parameters);
        return EmulatorResponse.Ok(null);
    }

    private static EmulatorResponse? Conflicts(EndpointCall call)
    {
        var settings = call.Parameters.Keys.Where(key => key is not ("digest" or "delete" or "skiplock" or "background_delay")).ToList();
        var deletions = call.Parameter("delete")?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (settings.Count == 0 && deletions.Length == 0)
        {
            return EmulatorResponse.Error(500, "no options specified");
        }

        return deletions.FirstOrDefault(settings.Contains) is { } both
            ? EmulatorResponse.InvalidParameters(new Dictionary<string, string> { ["delete"] = $"you can't use '-{both}' and -delete {both}' at the same time" })
            : null;
    }

    // The request is proxied to the named node; a guest elsewhere has no config file there.
    private static EmulatedGuest? Find(EndpointCall call, string type) =>
        call.State.Guests.TryGetValue(call.PathInt("vmid"), out var guest) && guest.Type == type && guest.Node == call.Path("node") ? guest : null;

    private static EmulatorResponse Missing(EndpointCall call, string type) =>
        EmulatorResponse.Error(500, type == "qemu"
            ? $"Configuration file 'nodes/{call.Path("node")}/qemu-server/{call.Path("vmid")}.conf' does not exist"
            : $"Configuration file 'nodes/{call.Path("node")}/lxc/{call.Path("vmid")}.conf' does not exist");
}
