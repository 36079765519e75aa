using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox.Conformance;

/// <summary>
/// Checks one parameter value against its definition in the Proxmox API schema: type, enum, range, length,
/// pattern and format, property strings (<c>net[n]</c>) key by key. Named formats come from <see cref="PveFormats"/>;
/// one without a checker there is reported, never passed silently.
/// </summary>
internal static partial class PveSchemaValueCheck
{
    public static IEnumerable<string> Check(string name, string value, JsonElement definition, bool inPropertyString = false)
    {
        var type = Text(definition, "type");
        switch (type)
        {
            case "integer" when !IntegerPattern().IsMatch(value):
            case "number" when !NumberPattern().IsMatch(value):
                yield return $"{name}: '{value}' is not of type {type}";
                yield break;
            case "boolean" when !(inPropertyString ? BooleanWordPattern().IsMatch(value) : value is "0" or "1"):
                yield return $"{name}: '{value}' is not a boolean";
                yield break;
            case "array" or "object":
                yield return $"{name}: type {type} cannot be sent as a form value";
                yield break;
        }

        if (type is "integer" or "number")
        {
            var number = double.Parse(value, CultureInfo.InvariantCulture);
            if (Number(definition, "minimum") is { } minimum && number < minimum)
            {
                yield return $"{name}: {value} is below the minimum {minimum}";
            }

            if (Number(definition, "maximum") is { } maximum && number > maximum)
            {
                yield return $"{name}: {value} is above the maximum {maximum}";
            }
        }

        if (definition.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.ToString() != value))
        {
            yield return $"{name}: '{value}' is not one of {values}";
        }

        if (Number(definition, "maxLength") is { } maxLength && value.Length > maxLength)
        {
            yield return $"{name}: longer than {maxLength} characters";
        }

        if (Number(definition, "minLength") is { } minLength && value.Length < minLength)
        {
            yield return $"{name}: shorter than {minLength} characters";
        }

        if (Text(definition, "pattern") is { } pattern && !Regex.IsMatch(value, $"^(?:{FromPerl(pattern)})\\z"))
        {
            yield return $"{name}: '{value}' does not match the pattern {pattern}";
        }

        if (definition.TryGetProperty("format", out var format))
        {
            var problems = format.ValueKind == JsonValueKind.Object
                ? CheckPropertyString(name, value, format)
                : CheckNamedFormat(name, value, format.GetString()!);
            foreach (var problem in problems)
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> CheckNamedFormat(string name, string value, string format)
    {
        if (!PveFormats.ByName.TryGetValue(format, out var check))
        {
            return [$"{name}: no checker for format '{format}' (add it to PveFormats)"];
        }

        return check(value) is { } error ? [$"{name}: '{value}' is not a valid {format}: {error}"] : [];
    }

    /// <summary>A property string as parse_property_string reads it: keys, the default key, alias keys.</summary>
    private static IEnumerable<string> CheckPropertyString(string name, string value, JsonElement format)
    {
        var defaultKey = format.EnumerateObject().Where(entry => Number(entry.Value, "default_key") == 1).Select(entry => entry.Name).FirstOrDefault();
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (key, item) = equals < 0 ? (defaultKey, part) : (part[..equals], part[(equals + 1)..]);
            if (key is null)
            {
                problems.Add($"{name}: '{part}' has no key and the format has no default key");
                continue;
            }

            if (format.TryGetProperty(key, out var entry) && Text(entry, "alias") is { } alias)
            {
                if (Text(entry, "keyAlias") is { } keyAlias && !parsed.TryAdd(keyAlias, key))
                {
                    problems.Add($"{name}: '{keyAlias}' given twice");
                }

                key = alias;
            }

            if (!format.TryGetProperty(key, out var definition))
            {
                problems.Add($"{name}: key '{key}' is not in the format");
            }
            else if (!parsed.TryAdd(key, item))
            {
                problems.Add($"{name}: key '{key}' given twice");
            }
            else
            {
                problems.AddRange(Check($"{name}.{key}", item, definition, inPropertyString: true));
            }
        }

        foreach (var entry in format.EnumerateObject())
        {
            var required = Number(entry.Value, "optional") != 1 && Text(entry.Value, "alias") is null;
            if (required && !parsed.ContainsKey(entry.Name))
            {
                problems.Add($"{name}: required key '{entry.Name}' is missing");
            }
        }

        return problems;
    }

    // Perl's '(?^:…)' (a group with default flags) is a plain non-capturing group for .NET.
    private static string FromPerl(string pattern) => pattern.Replace("(?^:", "(?:", StringComparison.Ordinal);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;

    [GeneratedRegex(@"^[+-]?\d+\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?(?:\d+\.\d+|\d+\.|\.\d+|\d+)(?:[eE][+-]?\d+)?\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^(?:1|on|yes|true|0|off|no|false)\\z", RegexOptions.IgnoreCase)]
    private static partial Regex BooleanWordPattern();
}
