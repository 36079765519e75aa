namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// A Proxmox property string such as <c>virtio=BC:24:11:2A:3B:4C,bridge=vmbr0,tag=10</c>, edited key by key.
/// Order, unknown keys and the key-less default value are kept, because Proxmox rebuilds what it is sent
/// (a <c>net</c> device sent without its MAC gets a new one).
/// </summary>
internal sealed class ProxmoxPropertyString
{
    private readonly IReadOnlyList<KeyValuePair<string?, string>> _parts;

    private ProxmoxPropertyString(IReadOnlyList<KeyValuePair<string?, string>> parts) => _parts = parts;

    /// <summary>Splits a property string; a part without <c>=</c> is the default key's value (null key).</summary>
    public static ProxmoxPropertyString Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new ProxmoxPropertyString([]);
        }

        // The net and ipconfig grammars have no quoted values, so a comma always separates parts.
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0
                ? new KeyValuePair<string?, string>(part[..equals], part[(equals + 1)..])
                : new KeyValuePair<string?, string>(null, part))
            .ToList();
        return new ProxmoxPropertyString(parts);
    }

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public string? Get(string key) => _parts.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>A copy with <paramref name="key"/> set in place, or appended when absent.</summary>
    public ProxmoxPropertyString With(string key, string value)
    {
        var parts = _parts.ToList();
        var index = parts.FindIndex(p => p.Key == key);
        if (index >= 0)
        {
            parts[index] = new(key, value);
        }
        else
        {
            parts.Add(new(key, value));
        }

        return new ProxmoxPropertyString(parts);
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public ProxmoxPropertyString Without(string key) => new(_parts.Where(p => p.Key != key).ToList());

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(",", _parts.Select(p => p.Key is null ? p.Value : $"{p.Key}={p.Value}"));
}
