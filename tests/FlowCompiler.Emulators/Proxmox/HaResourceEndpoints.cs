using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FlowCompiler.Emulators.Proxmox;

using static PveValueRules;

/// <summary>
/// <c>/cluster/ha/resources</c>: listing, reading, creating and updating HA resources. A requested state
/// takes effect at once (the CRM starts or stops the guest), so a client that omits it is caught.
/// </summary>
internal static class HaResourceEndpoints
{
    private static readonly string[] States = ["started", "stopped", "enabled", "disabled", "ignored"];

    public static IReadOnlyList<EmulatedEndpoint> All { get; } =
    [
        new("GET", "/cluster/ha/resources", new ParameterRules(new ParameterRule("type", Enum("ct", "vm"))), List),
        new("GET", "/cluster/ha/resources/{sid}", new ParameterRules(CommonParameters.HaSid), Read),
        new("POST", "/cluster/ha/resources", new ParameterRules(
            CommonParameters.HaSid,
            new ParameterRule("comment", Text(4096)),
            new ParameterRule("failback", Boolean()),
            new ParameterRule("group", Format(PveFormats.ConfigId)),
            new ParameterRule("max_relocate", Integer(0)),
            new ParameterRule("max_restart", Integer(0)),
            new ParameterRule("state", Enum(States)),
            new ParameterRule("type", Enum("ct", "vm"))), Create),
        new("PUT", "/cluster/ha/resources/{sid}", new ParameterRules(
            CommonParameters.HaSid,
            new ParameterRule("comment", Text(4096)),
            new ParameterRule("delete", All(Text(4096), Format(PveFormats.ConfigIdList))),
            new ParameterRule("digest", Text(64)),
            new ParameterRule("failback", Boolean()),
            new ParameterRule("group", Format(PveFormats.ConfigId)),
            new ParameterRule("max_relocate", Integer(0)),
            new ParameterRule("max_restart", Integer(0)),
            new ParameterRule("state", Enum(States))), Update),
    ];

    private static EmulatorResponse List(EndpointCall call) =>
        EmulatorResponse.Ok(new JsonArray(call.State.HaResources.Values
            .Where(resource => call.Parameter("type") is not { } type || resource.Type == type)
            .OrderBy(resource => resource.Sid, StringComparer.Ordinal)
            .Select(resource => (JsonNode)ToJson(resource, Digest(call.State)))
            .ToArray()));

    private static EmulatorResponse Read(EndpointCall call) =>
        call.State.HaResources.TryGetValue(Canonical(call.State, call.Path("sid")), out var resource)
            ? EmulatorResponse.Ok(ToJson(resource, Digest(call.State)))
            : EmulatorResponse.Error(500, $"no such resource '{call.Path("sid")}'");

    private static EmulatorResponse Create(EndpointCall call)
    {
        var sid = Canonical(call.State, call.Parameter("sid")!);
        var (type, vmid) = Split(sid);
        if (call.Parameter("type") is { } declared && declared != type)
        {
            return EmulatorResponse.Error(500, "types does not match");
        }

        if (!call.State.Guests.TryGetValue(vmid, out var guest) || guest.Type != (type == "vm" ? "qemu" : "lxc"))
        {
            return EmulatorResponse.Error(500, $"{(type == "vm" ? "VM" : "CT")} {vmid} does not exist");
        }

        if (GroupRefusal(call) is { } refusal)
        {
            return refusal;
        }

        if (call.State.HaResources.ContainsKey(sid))
        {
            return EmulatorResponse.Error(500, $"resource ID '{sid}' already defined");
        }

        var resource = new EmulatedHaResource(sid, type);
        Assign(resource, call);
        call.State.HaResources[sid] = resource;
        Enforce(resource, guest);
        return EmulatorResponse.Ok(null);
    }

    private static EmulatorResponse Update(EndpointCall call)
    {
        if (GroupRefusal(call) is { } refusal)
        {
            return refusal;
        }

        var sid = Canonical(call.State, call.Path("sid"));
        if (!call.State.HaResources.TryGetValue(sid, out var resource))
        {
            return EmulatorResponse.Error(500, $"no such resource '{call.Path("sid")}'");
        }

        if (call.Parameter("digest") is { } digest && digest != Digest(call.State))
        {
            return EmulatorResponse.Error(500, "detected modified configuration - file changed by other user? Try again.");
        }

        Assign(resource, call);
        foreach (var key in call.Parameter("delete")?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            switch (key)
            {
                case "group": resource.Group = null; break;
                case "comment": resource.Comment = null; break;
                case "max_relocate": resource.MaxRelocate = null; break;
                case "max_restart": resource.MaxRestart = null; break;
                case "state": resource.State = null; break;
                default: return EmulatorResponse.Error(500, $"no such option '{key}'");
            }
        }

        Enforce(resource, call.State.Guests[Split(sid).Vmid]);
        return EmulatorResponse.Ok(null);
    }

    private static EmulatorResponse? GroupRefusal(EndpointCall call)
    {
        if (call.Parameter("group") is not { } group)
        {
            return null;
        }

        if (call.State.HaGroupsMigratedToRules)
        {
            return EmulatorResponse.Error(500, "invalid parameter 'group': ha groups have been migrated to rules");
        }

        return call.State.HaGroups.Contains(group) ? null : EmulatorResponse.Error(500, $"HA group '{group}' does not exist");
    }

    private static void Assign(EmulatedHaResource resource, EndpointCall call)
    {
        resource.State = call.Parameter("state") ?? resource.State;
        resource.Group = call.Parameter("group") ?? resource.Group;
        resource.Comment = call.Parameter("comment") ?? resource.Comment;
        resource.MaxRelocate = call.Parameter("max_relocate") is { } relocate ? int.Parse(relocate, CultureInfo.InvariantCulture) : resource.MaxRelocate;
        resource.MaxRestart = call.Parameter("max_restart") is { } restart ? int.Parse(restart, CultureInfo.InvariantCulture) : resource.MaxRestart;
    }

    // What the CRM does with the requested state; no state means 'started'.
    private static void Enforce(EmulatedHaResource resource, EmulatedGuest guest)
    {
        switch (resource.State ?? "started")
        {
            case "started" or "enabled":
                guest.Status = "running";
                break;
            case "stopped" or "disabled":
                guest.Status = "stopped";
                break;
        }
    }

    // 'vm:100' and 'ct:200' as they are; a bare '100' is resolved by the guest's type.
    private static string Canonical(EmulatorState state, string sid) =>
        sid.Contains(':', StringComparison.Ordinal)
            ? sid
            : (state.Guests.TryGetValue(int.Parse(sid, CultureInfo.InvariantCulture), out var guest) && guest.Type == "lxc" ? "ct:" : "vm:") + sid;

    private static (string Type, int Vmid) Split(string sid) =>
        (sid[..sid.IndexOf(':', StringComparison.Ordinal)], int.Parse(sid[(sid.IndexOf(':', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));

    private static JsonObject ToJson(EmulatedHaResource resource, string digest)
    {
        var json = new JsonObject { ["sid"] = resource.Sid, ["type"] = resource.Type, ["digest"] = digest };
        Optional(json, "state", resource.State);
        Optional(json, "group", resource.Group);
        Optional(json, "comment", resource.Comment);
        if (resource.MaxRelocate is { } relocate)
        {
            json["max_relocate"] = relocate;
        }

        if (resource.MaxRestart is { } restart)
        {
            json["max_restart"] = restart;
        }

        return json;
    }

    private static void Optional(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }

    private static string Digest(EmulatorState state) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("\n", state.HaResources.Values
            .OrderBy(r => r.Sid, StringComparer.Ordinal)
            .Select(r => $"{r.Sid} {r.State} {r.Group} {r.MaxRelocate} {r.MaxRestart} {r.Comment}")))));
}
