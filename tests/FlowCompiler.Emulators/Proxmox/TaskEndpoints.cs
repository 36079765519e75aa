using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowCompiler.Emulators.Proxmox;

using static PveValueRules;

/// <summary><c>GET /nodes/{node}/tasks/{upid}/status</c>.</summary>
internal static class TaskEndpoints
{
    public static IReadOnlyList<EmulatedEndpoint> All { get; } =
    [
        new("GET", "/nodes/{node}/tasks/{upid}/status",
            new ParameterRules(CommonParameters.Node, new ParameterRule("upid", Text(), Required: true)), Status),
    ];

    private static EmulatorResponse Status(EndpointCall call)
    {
        if (!call.State.Tasks.TryGetValue(call.Path("upid"), out var task) || task.Node != call.Path("node"))
        {
            return EmulatorResponse.Error(500, $"no such task '{call.Path("upid")}'");
        }

        var (status, exitStatus) = task.Poll();
        var fields = task.Upid.Split(':');
        var json = new JsonObject
        {
            ["upid"] = task.Upid,
            ["node"] = task.Node,
            ["pid"] = int.Parse(fields[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ["pstart"] = int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ["starttime"] = long.Parse(fields[4], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ["type"] = task.Type,
            ["id"] = fields[6],
            ["user"] = task.User,
            ["status"] = status,
        };
        if (exitStatus is not null)
        {
            json["exitstatus"] = exitStatus;
        }

        return EmulatorResponse.Ok(json);
    }
}
