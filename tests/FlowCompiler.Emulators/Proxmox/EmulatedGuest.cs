using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FlowCompiler.Emulators.Proxmox;

/// <summary>A VM or container with its configuration file, kept as ordered <c>key: value</c> lines.</summary>
internal sealed class EmulatedGuest(int vmid, string node, string type, bool running)
{
    // Keys Proxmox returns as JSON numbers rather than strings.
    private static readonly HashSet<string> NumericKeys = ["cores", "memory", "sockets", "swap", "cpulimit"];

    public int Vmid { get; } = vmid;

    public string Node { get; } = node;

    /// <summary><c>qemu</c> or <c>lxc</c>.</summary>
    public string Type { get; } = type;

    public string Status { get; set; } = running ? "running" : "stopped";

    /// <summary>The config lock (backup, migrate, …), or null.</summary>
    public string? Lock { get; set; }

    public OrderedDictionary<string, string> Config { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The qemu configuration task that holds the guest's config lock: qemu-server forks the worker inside
    /// <c>lock_config</c>, so the lock is held until the task stops, and its change is made by then.
    /// </summary>
    public EmulatedTask? ConfigWorker { get; set; }

    /// <summary>SHA1 of the configuration file's text, as Proxmox computes its digest.</summary>
    public string Digest =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(Config.Select(p => $"{p.Key}: {p.Value}\n")))));

    /// <summary>How Proxmox names the guest in messages: <c>VM 100</c> or <c>CT 200</c>.</summary>
    public string DisplayName => (Type == "qemu" ? "VM " : "CT ") + Vmid.ToString(CultureInfo.InvariantCulture);

    public string? Name => Config.GetValueOrDefault(Type == "qemu" ? "name" : "hostname");

    /// <summary>The <c>data</c> of <c>GET …/config</c>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, value) in Config)
        {
            json[key] = NumericKeys.Contains(key) && long.TryParse(value, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }

        json["digest"] = Digest;
        return json;
    }

    /// <summary>
    /// Writes the parameters into the configuration as Proxmox does: <c>delete</c> removes keys, and a network
    /// device sent without its MAC gets a newly generated one, as qemu-server's print_net and pve-container do.
    /// </summary>
    public void Apply(IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var key in parameters.GetValueOrDefault("delete", "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            Config.Remove(key);
        }

        foreach (var (key, value) in parameters)
        {
            if (key is "delete" or "digest" or "skiplock" or "background_delay")
            {
                continue;
            }

            Config[key] = key.StartsWith("net", StringComparison.Ordinal) ? WithMac(value) : value;
        }
    }

    private string WithMac(string net)
    {
        var parts = net.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Type == "lxc")
        {
            return parts.Any(p => p.StartsWith("hwaddr=", StringComparison.Ordinal)) ? net : net + ",hwaddr=" + NewMac();
        }

        var hasMac = parts.Any(p => p.StartsWith("macaddr=", StringComparison.Ordinal)
            || PropertyStringGrammars.QemuNicModels.Any(model => p.StartsWith(model + "=", StringComparison.Ordinal)));
        if (hasMac)
        {
            return net;
        }

        // Rebuilt as print_net writes it: '<model>=<new MAC>' first.
        var model = parts.Select(p => p.StartsWith("model=", StringComparison.Ordinal) ? p[6..] : p).First(p => !p.Contains('=', StringComparison.Ordinal));
        var rest = parts.Where(p => !p.StartsWith("model=", StringComparison.Ordinal) && p.Contains('=', StringComparison.Ordinal));
        return string.Join(",", new[] { $"{model}={NewMac()}" }.Concat(rest));
    }

    // Proxmox generates MACs in its own OUI, BC:24:11.
    private static string NewMac() =>
        "BC:24:11:" + string.Join(":", RandomNumberGenerator.GetBytes(3).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
