using System.Globalization;
using System.Text.Json;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>Creates or updates a guest's HA resource without changing whether the guest runs.</summary>
internal sealed class ProxmoxHaConfigurator(ProxmoxApiConnection api)
{
    /// <summary>
    /// Creates the resource (<c>POST /cluster/ha/resources</c>) or updates it (<c>PUT /cluster/ha/resources/{sid}</c>),
    /// always with an explicit <c>state</c>.
    /// </summary>
    public async Task<ProxmoxHaChange> ConfigureAsync(ProxmoxGuest guest, ProxmoxHaSettings settings, CancellationToken cancellationToken)
    {
        var resourceType = guest.Type == ProxmoxGuestType.Qemu ? "vm" : "ct";
        var sid = $"{resourceType}:{guest.Vmid.ToString(CultureInfo.InvariantCulture)}";
        var existing = await FindResourceAsync(resourceType, sid, cancellationToken);

        var parameters = new List<KeyValuePair<string, string>>();
        if (existing is null)
        {
            parameters.Add(new("sid", sid));
        }

        // Left out, state defaults to 'started' on create and HA would boot a stopped guest. A new resource
        // therefore takes the guest's current state; an existing one keeps the state it was given, which may be
        // 'disabled' or 'ignored' on purpose (an absent state is Proxmox's default, 'started').
        var state = existing is null ? (guest.IsRunning ? "started" : "stopped") : existing.State ?? "started";
        parameters.Add(new("state", state));
        if (settings.Group is not null)
        {
            parameters.Add(new("group", settings.Group));
        }

        if (settings.MaxRelocate is { } maxRelocate)
        {
            parameters.Add(new("max_relocate", maxRelocate.ToString(CultureInfo.InvariantCulture)));
        }

        if (settings.MaxRestart is { } maxRestart)
        {
            parameters.Add(new("max_restart", maxRestart.ToString(CultureInfo.InvariantCulture)));
        }

        try
        {
            if (existing is null)
            {
                await api.SendFormAsync(HttpMethod.Post, "/cluster/ha/resources", parameters, cancellationToken);
                return ProxmoxHaChange.Created;
            }

            await api.SendFormAsync(HttpMethod.Put, ProxmoxApiPath.Of("cluster", "ha", "resources", sid), parameters, cancellationToken);
            return ProxmoxHaChange.Updated;
        }
        catch (ProxmoxApiException exception) when (settings.Group is not null && MentionsGroupsMigratedToRules(exception))
        {
            throw new ProxmoxApiException(
                $"HA group '{settings.Group}' cannot be set for {sid}: this cluster runs Proxmox VE 9 or later, where HA groups " +
                $"were migrated to HA rules. Leave the group empty and pin nodes with an HA node-affinity rule instead. {exception.Message}",
                exception.StatusCode,
                exception.ProxmoxMessage,
                exception.ParameterErrors,
                exception);
        }
    }

    private async Task<ExistingResource?> FindResourceAsync(string resourceType, string sid, CancellationToken cancellationToken)
    {
        var resources = await api.GetAsync("/cluster/ha/resources", [new("type", resourceType)], cancellationToken);
        if (resources.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.TryGetProperty("sid", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == sid)
            {
                var state = resource.TryGetProperty("state", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                return new ExistingResource(state);
            }
        }

        return null;
    }

    /// <summary>An HA resource Proxmox already has, with its requested state if one is set.</summary>
    private sealed record ExistingResource(string? State);

    // PVE 9 answers "invalid parameter 'group': ha groups have been migrated to rules", in the message or per parameter.
    private static bool MentionsGroupsMigratedToRules(ProxmoxApiException exception) =>
        new[] { exception.ProxmoxMessage }.Concat(exception.ParameterErrors.Values)
            .Any(text => text?.Contains("migrated to rules", StringComparison.OrdinalIgnoreCase) ?? false);
}
