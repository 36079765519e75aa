using System.Text.Json.Nodes;

namespace FlowCompiler.Emulators.Proxmox;

using static PveValueRules;

/// <summary><c>GET /cluster/resources</c>: guests and nodes of the whole cluster.</summary>
internal static class ClusterResourceEndpoints
{
    public static IReadOnlyList<EmulatedEndpoint> All { get; } =
    [
        new("GET", "/cluster/resources", new ParameterRules(new ParameterRule("type", Enum("vm", "storage", "node", "sdn"))), List),
    ];

    private static EmulatorResponse List(EndpointCall call)
    {
        var type = call.Parameter("type");
        var resources = new JsonArray();
        if (type is null or "vm")
        {
            foreach (var guest in call.State.Guests.Values.OrderBy(g => g.Vmid))
            {
                var entry = new JsonObject
                {
                    ["id"] = $"{guest.Type}/{guest.Vmid}",
                    ["type"] = guest.Type,
                    ["vmid"] = guest.Vmid,
                    ["node"] = guest.Node,
                    ["status"] = guest.Status,
                    ["name"] = guest.Name,
                    ["template"] = 0,
                };
                if (guest.Lock is not null)
                {
                    entry["lock"] = guest.Lock;
                }

                resources.Add(entry);
            }
        }

        // Without a type filter nodes are listed too, so a client must look at 'type'.
        if (type is null or "node")
        {
            foreach (var node in call.State.Guests.Values.Select(g => g.Node).Distinct().Order(StringComparer.Ordinal))
            {
                resources.Add(new JsonObject { ["id"] = $"node/{node}", ["type"] = "node", ["node"] = node, ["status"] = "online" });
            }
        }

        return EmulatorResponse.Ok(resources);
    }
}
