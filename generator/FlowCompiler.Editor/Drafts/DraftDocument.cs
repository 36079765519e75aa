using System.Text.Json;
using System.Text.RegularExpressions;

namespace FlowCompiler.Editor.Drafts;

/// <summary>
/// What the editor reads from a draft before it is valid: a draft may have errors, but it must be one JSON object
/// with a flow id, so it can be stored under that id and listed with its name and trigger.
/// </summary>
/// <param name="Id">The flow id.</param>
/// <param name="Name">The flow's name, when it has one.</param>
/// <param name="TriggerEvent">The event its trigger node names, when it names one.</param>
internal sealed partial record DraftDocument(string Id, string? Name, string? TriggerEvent)
{
    /// <summary>Reads the id, name and trigger event, or says what is missing.</summary>
    public static DraftDocument? TryRead(ReadOnlyMemory<byte> json, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "A draft is a flow document: one JSON object (spec §1).";
                return null;
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || !FlowId().IsMatch(id.GetString()!))
            {
                error = "A draft needs a flow \"id\" of lower-case letters, digits and dashes ([a-z0-9][a-z0-9-]{0,63}), so it can be stored under it.";
                return null;
            }

            error = null;
            return new DraftDocument(id.GetString()!, StringProperty(root, "name"), TriggerEventOf(root));
        }
        catch (JsonException malformed)
        {
            error = $"The draft is not well-formed JSON: {malformed.Message}";
            return null;
        }
    }

    private static string? TriggerEventOf(JsonElement root)
    {
        if (!root.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var node in nodes.EnumerateArray())
        {
            if (node.ValueKind == JsonValueKind.Object && StringProperty(node, "type") == "event"
                && node.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                return StringProperty(parameters, "event") is { Length: <= 64 } name ? name : null;
            }
        }

        return null;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex FlowId();
}
