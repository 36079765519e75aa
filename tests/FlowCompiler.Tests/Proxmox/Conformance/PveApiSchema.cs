using System.Globalization;
using System.Text.Json;
using FlowCompiler.Emulators.Proxmox;

namespace FlowCompiler.Tests.Proxmox.Conformance;

/// <summary>The Proxmox API schema file, asked whether a request is one Proxmox would accept.</summary>
internal sealed class PveApiSchema
{
    // The schema writes numbered options as net[n], ipconfig[n]; n runs from 0 to 31.
    private const int HighestNumberedIndex = 31;

    private readonly JsonElement _paths;

    private PveApiSchema(JsonElement paths) => _paths = paths;

    public static PveApiSchema Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return new PveApiSchema(document.RootElement.GetProperty("paths").Clone());
    }

    /// <summary>The schema's path template a request path belongs to (e.g. <c>/nodes/{node}/qemu/{vmid}/config</c>), or null.</summary>
    public string? TemplateOf(string path) => Match(path)?.Template;

    /// <summary>The definition of a parameter of a method, numbered ones looked up as <c>name[n]</c>; null when undeclared.</summary>
    public JsonElement? Parameter(string method, string template, string name) =>
        _paths.TryGetProperty(template, out var methods) && methods.TryGetProperty(method, out var definition)
            ? Declared(Properties(definition), name)
            : null;

    /// <summary>Whether the schema has this method on this path template.</summary>
    public bool Offers(string method, string template) =>
        _paths.TryGetProperty(template, out var methods) && methods.TryGetProperty(method, out _);

    /// <summary>Everything about the request that Proxmox would refuse; empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(RecordedRequest request)
    {
        if (Match(request.Path) is not { } match)
        {
            return [$"no path {request.Path} in the Proxmox API"];
        }

        if (!_paths.GetProperty(match.Template).TryGetProperty(request.Method, out var definition))
        {
            return [$"{match.Template} offers no {request.Method}"];
        }

        var violations = new List<string>();
        if (request.Method is "POST" or "PUT" && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            violations.Add($"a {request.Method} body must be form-urlencoded, not '{request.ContentType}'");
        }

        var properties = Properties(definition);
        var parameters = match.PathValues.Concat(request.Parameters).ToList();
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                violations.Add($"{group.Key}: given {group.Count()} times");
            }

            if (Declared(properties, group.Key) is not { } declared)
            {
                violations.Add($"{group.Key}: not a parameter of {request.Method} {match.Template}");
                continue;
            }

            violations.AddRange(group.SelectMany(p => PveSchemaValueCheck.Check(p.Key, p.Value, declared)));
        }

        if (properties is { } declaredProperties)
        {
            foreach (var property in declaredProperties.EnumerateObject())
            {
                var optional = property.Value.TryGetProperty("optional", out var flag) && flag.ValueKind == JsonValueKind.Number && flag.GetInt32() == 1;
                if (!optional && !property.Name.EndsWith("[n]", StringComparison.Ordinal) && parameters.All(p => p.Key != property.Name))
                {
                    violations.Add($"{property.Name}: required but not sent");
                }
            }
        }

        return violations;
    }

    private (string Template, List<KeyValuePair<string, string>> PathValues)? Match(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return _paths.EnumerateObject()
            .Select(template => (Template: template.Name, Segments: template.Name.Split('/', StringSplitOptions.RemoveEmptyEntries)))
            .Where(template => template.Segments.Length == segments.Length
                && template.Segments.Zip(segments).All(pair => pair.First.StartsWith('{') || pair.First == pair.Second))
            // The most literal segments win: a literal is more specific than a {value}.
            .OrderByDescending(template => template.Segments.Count(segment => !segment.StartsWith('{')))
            .Select(template => ((string Template, List<KeyValuePair<string, string>> PathValues)?)(template.Template, template.Segments
                .Zip(segments)
                .Where(pair => pair.First.StartsWith('{'))
                .Select(pair => KeyValuePair.Create(pair.First[1..^1], pair.Second))
                .ToList()))
            .FirstOrDefault();
    }

    private static JsonElement? Properties(JsonElement definition) =>
        definition.TryGetProperty("parameters", out var parameters) && parameters.TryGetProperty("properties", out var properties)
            ? properties
            : null;

    private static JsonElement? Declared(JsonElement? properties, string name)
    {
        if (properties is not { } declared)
        {
            return null;
        }

        if (declared.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        var prefixLength = name.Length - name.Reverse().TakeWhile(char.IsAsciiDigit).Count();
        var number = name[prefixLength..];
        return number.Length is 1 or 2
            && int.Parse(number, CultureInfo.InvariantCulture) <= HighestNumberedIndex
            && declared.TryGetProperty(name[..prefixLength] + "[n]", out var numbered)
                ? numbered
                : null;
    }
}
