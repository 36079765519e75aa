namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// The grammar of one Proxmox property string (<c>key=value,…</c>), checked the way parse_property_string
/// does: known keys only, no duplicates, an optional key-less default value, alias keys such as
/// <c>virtio=MAC</c> (model and MAC in one), required keys and a rule per key.
/// </summary>
internal sealed class PropertyStringGrammar(
    IReadOnlyDictionary<string, ValueRule> keys,
    IReadOnlySet<string> required,
    string? defaultKey = null,
    IReadOnlyDictionary<string, (string Alias, string KeyAlias)>? aliases = null,
    Func<IReadOnlyDictionary<string, string>, string?>? semantics = null)
{
    private readonly IReadOnlyDictionary<string, (string Alias, string KeyAlias)> _aliases =
        aliases ?? new Dictionary<string, (string Alias, string KeyAlias)>();

    /// <summary>Proxmox's error text for the value, or null when the value is valid.</summary>
    public string? Check(string value)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in value.Split(','))
        {
            if (string.IsNullOrWhiteSpace(part))
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && equals < part.Length - 1)
            {
                var key = part[..equals];
                if (parsed.ContainsKey(key))
                {
                    return $"duplicate key in comma-separated list property: {key}";
                }

                if (_aliases.TryGetValue(key, out var alias))
                {
                    if (parsed.ContainsKey(alias.KeyAlias))
                    {
                        return $"key alias '{alias.KeyAlias}' is already defined";
                    }

                    parsed[alias.KeyAlias] = key;
                    key = alias.Alias;
                }

                if (!keys.ContainsKey(key))
                {
                    return $"invalid key in comma-separated list property: {key}";
                }

                parsed[key] = part[(equals + 1)..];
            }
            else if (equals < 0)
            {
                if (defaultKey is null)
                {
                    return "value without key, but schema does not define a default key";
                }

                if (!parsed.TryAdd(defaultKey, part))
                {
                    return $"duplicate key in comma-separated list property: {defaultKey}";
                }
            }
            else
            {
                return "missing key in comma-separated list property";
            }
        }

        var errors = required.Where(key => !parsed.ContainsKey(key))
            .Select(key => $"{key}: property is missing and it is not optional")
            .Concat(parsed.Select(pair => keys[pair.Key](pair.Value) is { } error ? $"{pair.Key}: {error}" : null).OfType<string>())
            .ToList();
        if (errors.Count > 0)
        {
            return "format error\n" + string.Join("\n", errors);
        }

        return semantics?.Invoke(parsed);
    }
}
