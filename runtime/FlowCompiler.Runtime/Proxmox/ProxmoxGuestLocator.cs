using System.Globalization;
using System.Text.Json;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>Finds which node a guest is on and whether it is a VM or a container.</summary>
internal sealed class ProxmoxGuestLocator(ProxmoxApiConnection api)
{
    /// <summary>Looks the guest up in <c>GET /cluster/resources?type=vm</c>, which lists qemu and lxc guests of all nodes.</summary>
    public async Task<ProxmoxGuest> FindAsync(int vmid, CancellationToken cancellationToken)
    {
        var resources = await api.GetAsync("/cluster/resources", [new("type", "vm")], cancellationToken);
        if (resources.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (ReadVmid(resource) == vmid && TypeOf(resource) is { } type && Text(resource, "node") is { } node)
                {
                    return new ProxmoxGuest(vmid, node, type, Text(resource, "status") ?? "unknown", Text(resource, "name"));
                }
            }
        }

        throw new ProxmoxApiException($"Proxmox knows no VM or container with VMID {vmid} (GET /cluster/resources).");
    }

    private static ProxmoxGuestType? TypeOf(JsonElement resource) => Text(resource, "type") switch
    {
        "qemu" => ProxmoxGuestType.Qemu,
        "lxc" => ProxmoxGuestType.Lxc,
        _ => null,
    };

    private static int? ReadVmid(JsonElement resource)
    {
        if (!resource.TryGetProperty("vmid", out var vmid))
        {
            return null;
        }

        return vmid.ValueKind switch
        {
            JsonValueKind.Number when vmid.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(vmid.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
