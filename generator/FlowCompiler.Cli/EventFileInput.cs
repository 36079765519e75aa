using System.Text.Json;
using System.Text.Json.Serialization;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Cli;

/// <summary>
/// Reads an event file (spec §7): <c>{ "event": "server.created", "data": { ...the event's fields... } }</c>.
/// Field names are those flows use; an unknown field or a value of the wrong type is an error that names it,
/// a missing field keeps its default.
/// </summary>
internal static class EventFileInput
{
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new UtcDateTimeConverter() },
    };

    /// <summary>The event and its payload, or null with what is wrong.</summary>
    public static (FlowEvent Event, object Payload)? TryRead(string path, out string? error)
    {
        var bytes = FlowFileInput.TryRead(path, out error);
        return bytes is null ? null : TryParse(bytes, path, out error);
    }

    /// <summary>Reads an event given as UTF-8 JSON; <paramref name="path"/> names it in errors.</summary>
    public static (FlowEvent Event, object Payload)? TryParse(byte[] bytes, string path, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("event", out var name) || name.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                error = $"'{path}' must be {{ \"event\": \"server.created\", \"data\": {{ ...the event's fields... }} }}.";
                return null;
            }

            if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n is not ("event" or "data")) is { } unknown)
            {
                error = $"'{path}' has the unknown property \"{unknown}\"; an event file holds only \"event\" and \"data\".";
                return null;
            }

            var flowEvent = FlowEvents.Find(name.GetString()!);
            if (flowEvent is null)
            {
                error = $"'{path}' names the unknown event \"{name.GetString()}\"; events: {string.Join(", ", FlowEvents.All.Select(e => e.Name))}.";
                return null;
            }

            var payload = data.Deserialize(flowEvent.PayloadType, DataOptions);
            return payload is null ? null : (flowEvent, payload);
        }
        catch (JsonException e) when (e.Path is { Length: > 1 } field)
        {
            // System.Text.Json appends path and position to its message; the field is named the way flows write it.
            var reason = e.Message.IndexOf(" Path:", StringComparison.Ordinal) is var cut and > 0 ? e.Message[..cut] : e.Message;
            error = $"'{path}': data{field[1..]} does not fit the event: {reason}";
            return null;
        }
        catch (JsonException e)
        {
            error = $"'{path}' is not a valid event file: {e.Message}";
            return null;
        }
    }
}
