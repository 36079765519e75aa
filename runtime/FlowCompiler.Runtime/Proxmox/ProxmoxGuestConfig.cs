using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>A guest's configuration as <c>GET …/config</c> returns it, with the digest that guards a write-back.</summary>
internal sealed partial class ProxmoxGuestConfig
{
    private readonly Dictionary<string, string> _values;

    private ProxmoxGuestConfig(Dictionary<string, string> values, string? digest)
    {
        _values = values;
        Digest = digest;
    }

    /// <summary>SHA1 of the configuration file; sent back so that Proxmox refuses the write if the file changed meanwhile.</summary>
    public string? Digest { get; }

    /// <summary>Reads the <c>data</c> object of a config answer; numbers and strings alike become text.</summary>
    public static ProxmoxGuestConfig From(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString() ?? ""
                    : property.Value.GetRawText();
            }
        }

        values.Remove("digest", out var digest);
        return new ProxmoxGuestConfig(values, digest);
    }

    /// <summary>The value of a configuration key, or null when unset.</summary>
    public string? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>
    /// The number N of the guest's first network device <c>netN</c> (lowest N), which the panel treats as the
    /// public interface.
    /// </summary>
    public int FirstNetworkIndex(ProxmoxGuest guest)
    {
        var indexes = _values.Keys
            .Select(key => NetworkKey().Match(key))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        if (indexes.Count == 0)
        {
            throw new ProxmoxApiException($"{guest.DisplayName} on node {guest.Node} has no network device (net0, net1, …) to change.");
        }

        return indexes.Min();
    }

    [GeneratedRegex(@"^net(\d+)\z")]
    private static partial Regex NetworkKey();
}
