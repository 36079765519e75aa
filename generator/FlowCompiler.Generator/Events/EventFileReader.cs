using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Generator.Events;

/// <summary>
/// Reads an event file, <c>{ "event": "server.created", "data": { ...the event's fields... } }</c>, with the rules
/// flows follow: field names exactly as flows write them (a near miss gets "did you mean"), a property given twice
/// is refused, and a value must already have its field's type (<c>"4"</c> is not an int). The fields and their flow
/// types come from the catalog the compiler binds flows against. Every problem is collected, each with the 1-based
/// line and column <c>flowc validate</c> uses.
/// </summary>
public sealed class EventFileReader
{
    private const string Shape = "an event file is { \"event\": \"server.created\", \"data\": { ...the event's fields... } }";

    private readonly string _file;
    private readonly ReadOnlyMemory<byte> _json;
    private readonly List<string> _problems = [];

    private EventFileReader(string file, ReadOnlyMemory<byte> json)
    {
        _file = file;
        _json = json;
    }

    /// <summary>The event and its payload, or null with every problem, one a line, each naming the file.</summary>
    /// <param name="file">Names the file in messages.</param>
    /// <param name="bytes">The file's bytes: UTF-8, a byte order mark allowed.</param>
    /// <param name="problems">What is wrong, when the result is null.</param>
    public static (FlowEvent Event, object Payload)? Read(string file, ReadOnlyMemory<byte> bytes, out string? problems)
    {
        if (!JsonFileText.TryGetUtf8(bytes, out var json, out var encoding))
        {
            problems = $"'{file}' {encoding}";
            return null;
        }

        var reader = new EventFileReader(file, json);
        var read = reader.ReadFile();
        problems = reader._problems.Count == 0 ? null : string.Join('\n', reader._problems);
        return reader._problems.Count == 0 ? read : null;
    }

    private (FlowEvent, object)? ReadFile()
    {
        var reader = new Utf8JsonReader(_json.Span);
        FlowEvent? flowEvent = null;
        var data = default(Utf8JsonReader);
        var present = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Problem(reader.BytesConsumed == 0 ? null : reader.TokenStartIndex, $"the file holds {Found(ref reader)}, but {Shape}.");
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var nameStart = reader.TokenStartIndex;
                var name = PropertyName(ref reader, "the file", present);
                reader.Read();
                switch (name)
                {
                    case null:
                        break;
                    case "event":
                        flowEvent = ReadEventName(ref reader);
                        break;
                    case "data" when reader.TokenType == JsonTokenType.StartObject:
                        data = reader;
                        break;
                    case "data":
                        Problem(reader.TokenStartIndex, $"\"data\" must be an object of the event's fields, not {Found(ref reader)}.");
                        break;
                    default:
                        Problem(nameStart, $"\"{DiagnosticText.Escaped(name)}\" is not part of an event file{NameSuggester.DidYouMean(NameSuggester.Closest(name, ["event", "data"]))}; {Shape}.");
                        break;
                }

                reader.Skip();
            }

            // Trailing text after the object is malformed JSON: reading past the end reports it.
            reader.Read();
        }
        catch (JsonException e)
        {
            _problems.Clear();
            var position = new JsonTextPosition((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            _problems.Add($"'{_file}' is not a valid event file: {position}: {FirstSentence(e.Message)}");
            return null;
        }

        foreach (var required in (ReadOnlySpan<string>)["event", "data"])
        {
            if (!present.Contains(required))
            {
                Problem(null, $"\"{required}\" is missing: {Shape}.");
            }
        }

        if (flowEvent is null || data.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var payload = ReadObject(ref data, EventCatalog.PayloadOf(flowEvent), "data");
        return payload is null ? null : (flowEvent, payload);
    }

    private FlowEvent? ReadEventName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Problem(reader.TokenStartIndex, $"\"event\" must be a string naming the event, such as \"server.created\", not {Found(ref reader)}.");
            return null;
        }

        if (Text(ref reader, "\"event\"") is not { } name)
        {
            return null;
        }

        var flowEvent = FlowEvents.Find(name);
        if (flowEvent is null)
        {
            var events = FlowEvents.All.Select(e => e.Name).ToList();
            Problem(reader.TokenStartIndex, $"the event \"{DiagnosticText.Escaped(name)}\" is unknown{NameSuggester.DidYouMean(NameSuggester.Closest(name, events))}; events: {string.Join(", ", events)}.");
        }

        return flowEvent;
    }

    private object? ReadObject(ref Utf8JsonReader reader, ObjectType type, string path)
    {
        var clrType = type.ClrType ?? throw new InvalidOperationException($"{type.Name} has no runtime class to read into.");
        var instance = Activator.CreateInstance(clrType)!;
        var present = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = reader.TokenStartIndex;
            var name = PropertyName(ref reader, path, present);
            var fieldPath = name is null ? path : JsonPathText.Property(path, DiagnosticText.Escaped(name));
            reader.Read();
            var field = name is null ? null : type.Find(name);
            if (name is not null && field is null)
            {
                var fields = type.Fields.Select(f => f.Name).ToList();
                Problem(nameStart, $"unknown field {fieldPath}{NameSuggester.DidYouMean(NameSuggester.Closest(name, fields))}. Fields here: {string.Join(", ", fields)}.");
            }

            if (field is null)
            {
                ok = false;
                reader.Skip();
                continue;
            }

            var property = clrType.GetProperty(field.ClrName!)!;
            if (ReadValue(ref reader, field.Type, property.PropertyType, fieldPath, out var value))
            {
                property.SetValue(instance, value);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? instance : null;
    }

    // The reader is on the value; it is left on the value's last token, read or not.
    private bool ReadValue(ref Utf8JsonReader reader, FlowType type, Type clrType, string path, out object? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (type is ScalarType { IsNullable: true } or ObjectType { IsNullable: true })
            {
                return true;
            }

            Problem(reader.TokenStartIndex, $"{path} cannot be null: it is {Article(type)}; leave it out to keep its default.");
            return false;
        }

        switch (type)
        {
            case ScalarType scalar:
                value = ReadScalar(ref reader, scalar, Nullable.GetUnderlyingType(clrType) ?? clrType, path);
                return value is not null;
            case ObjectType objectType when reader.TokenType == JsonTokenType.StartObject:
                value = ReadObject(ref reader, objectType, path);
                return value is not null;
            case ArrayType array when reader.TokenType == JsonTokenType.StartArray:
                return ReadArray(ref reader, array, clrType.GetGenericArguments()[0], path, out value);
            case ObjectType or ArrayType:
                Problem(reader.TokenStartIndex, $"{path} is {Article(type)}: write {(type is ArrayType ? "[ … ]" : "{ … }")}, not {Found(ref reader)}.");
                reader.Skip();
                return false;
            default:
                throw new InvalidOperationException($"{path} is a {type.Display}, which an event file cannot hold.");
        }
    }

    private bool ReadArray(ref Utf8JsonReader reader, ArrayType array, Type elementType, string path, out object? value)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        var ok = true;
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (ReadValue(ref reader, array.Element, elementType, JsonPathText.Index(path, index), out var element))
            {
                list.Add(element);
            }
            else
            {
                ok = false;
            }
        }

        value = ok ? list : null;
        return ok;
    }

    private object? ReadScalar(ref Utf8JsonReader reader, ScalarType type, Type clrType, string path)
    {
        var token = reader.TokenType;
        var start = reader.TokenStartIndex;
        object? value = (type.Kind, token) switch
        {
            (ScalarKind.Int, JsonTokenType.Number) when clrType == typeof(long) => reader.TryGetInt64(out var l) ? l : null,
            (ScalarKind.Int, JsonTokenType.Number) => reader.TryGetInt32(out var i) ? i : null,
            (ScalarKind.Decimal, JsonTokenType.Number) => reader.TryGetDecimal(out var d) ? d : null,
            (ScalarKind.Bool, JsonTokenType.True or JsonTokenType.False) => reader.GetBoolean(),
            (ScalarKind.String, JsonTokenType.String) => Text(ref reader, path),
            (ScalarKind.DateTime, JsonTokenType.String) => DateTimeOf(ref reader, path),
            _ => null,
        };

        if (value is null && !(token == JsonTokenType.String && type.Kind is ScalarKind.String or ScalarKind.DateTime))
        {
            var example = type.Kind switch
            {
                ScalarKind.Int => "a whole number such as 4",
                ScalarKind.Decimal => "a number such as 12.5",
                ScalarKind.Bool => "true or false",
                ScalarKind.String => "text in quotes, such as \"web-1\"",
                _ => "a string such as \"2024-02-23T18:00:25Z\"",
            };
            var range = token == JsonTokenType.Number && type.Kind == ScalarKind.Int && !HasFraction(ref reader)
                ? $" (an int is at most {(clrType == typeof(long) ? long.MaxValue : int.MaxValue)})"
                : "";
            Problem(start, $"{path} is {Article(type)}: write {example}, not {Found(ref reader)}{range}.");
        }

        reader.Skip();
        return value;
    }

    private DateTime? DateTimeOf(ref Utf8JsonReader reader, string path)
    {
        if (Text(ref reader, path) is not { } text)
        {
            return null;
        }

        // As flows compare datetimes (spec §3): with an offset converted to UTC, without one taken as UTC.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        Problem(reader.TokenStartIndex, $"{path} is a datetime, but \"{DiagnosticText.Escaped(text)}\" is not one: write ISO 8601 such as \"2024-02-23T18:00:25Z\".");
        return null;
    }

    private string? PropertyName(ref Utf8JsonReader reader, string parent, HashSet<string> present)
    {
        string name;
        try
        {
            name = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            Problem(reader.TokenStartIndex, $"a property name in {parent} holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.");
            return null;
        }

        if (!present.Add(name))
        {
            Problem(reader.TokenStartIndex, $"{(parent == "the file" ? $"\"{DiagnosticText.Escaped(name)}\"" : JsonPathText.Property(parent, DiagnosticText.Escaped(name)))} appears twice; keep one.");
            return null;
        }

        return name;
    }

    // JsonFileText let only UTF-8 through, so a string that cannot be read holds an escaped lone surrogate.
    private string? Text(ref Utf8JsonReader reader, string path)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            Problem(reader.TokenStartIndex, $"{path} holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.");
            return null;
        }
    }

    private static bool HasFraction(ref Utf8JsonReader reader) => reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;

    private static string Article(FlowType type) => type switch
    {
        ScalarType { Kind: ScalarKind.Int } => "an int",
        ScalarType scalar => "a " + (scalar with { IsNullable = false }).Display,
        ArrayType => "an array",
        _ => "an object",
    };

    // What the file gives instead, as it is written there.
    private static string Found(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string {Excerpt(reader.ValueSpan)}",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "nothing",
    };

    // The raw (still escaped) text, so an unreadable string can be shown too.
    private static string Excerpt(ReadOnlySpan<byte> escaped)
    {
        var text = Encoding.UTF8.GetString(escaped);
        return "\"" + DiagnosticText.Escaped(text.Length > 40 ? text[..40] + "…" : text) + "\"";
    }

    private void Problem(long? offset, string message) =>
        _problems.Add(offset is { } at ? $"'{_file}' {JsonTextPosition.Of(_json.Span, at)}: {message}" : $"'{_file}': {message}");

    // System.Text.Json appends "LineNumber: … | BytePositionInLine: …", which the position already says (from 1).
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
