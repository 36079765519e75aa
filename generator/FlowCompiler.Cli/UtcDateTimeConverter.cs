using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FlowCompiler.Cli;

/// <summary>
/// Event datetimes are UTC (spec §3): a value with an offset is converted to UTC, one without is taken as UTC,
/// so a run never depends on the machine's time zone.
/// </summary>
internal sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("a datetime must be a string such as \"2024-02-23T18:00:25Z\".");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime
            : throw new JsonException($"\"{text}\" is not a datetime; write ISO 8601 such as \"2024-02-23T18:00:25Z\".");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
