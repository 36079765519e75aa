using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowCompiler.Runtime.Events;

/// <summary>
/// An event as a file holds it (spec §7): <c>{ "event": "server.created", "data": { …the event's fields… } }</c>,
/// read into the event's typed payload. Reading is strict — an unknown event, an unknown or mistyped field —
/// so a typo in a test event is reported instead of silently becoming a default value.
/// </summary>
/// <param name="Event">The event.</param>
/// <param name="Payload">The payload, an instance of <see cref="FlowEvent.PayloadType"/>.</param>
public sealed record EventDocument(FlowEvent Event, object Payload)
{
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads an event document.</summary>
    /// <exception cref="FormatException">The document is not a valid event; the message says what to fix.</exception>
    public static EventDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"the event is not valid JSON (line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("event", out var name) || name.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("an event file is { \"event\": \"server.created\", \"data\": { …the event's fields… } }.");
            }

            var flowEvent = FlowEvents.Find(name.GetString()!)
                ?? throw new FormatException($"unknown event '{name.GetString()}'; events: {string.Join(", ", FlowEvents.All.Select(e => e.Name))}.");
            try
            {
                return new EventDocument(flowEvent, data.Deserialize(flowEvent.PayloadType, PayloadOptions)!);
            }
            catch (JsonException e)
            {
                var field = e.Path is { Length: > 1 } path ? "data" + path[1..] : "data";
                throw new FormatException($"{field} does not fit the {flowEvent.Name} payload: {FirstSentence(e.Message)}");
            }
        }
    }

    // System.Text.Json appends the path and position to its messages; the field is named separately.
    private static string FirstSentence(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is var cut and > 0 ? message[..cut] : message;
}
