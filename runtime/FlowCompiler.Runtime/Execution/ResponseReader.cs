using System.Text.Json;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// Reads a REST answer into the classes generated from its <c>exampleResponse</c>. Every read names the
/// field's path (<c>items[].name</c>), so an answer that does not match its example fails the node clearly.
/// </summary>
public static class ResponseReader
{
    /// <summary>Parses the response body.</summary>
    public static JsonDocument Parse(string json, string nodeId)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FlowValueException($"the answer to REST node \"{nodeId}\" is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A required property of an object.</summary>
    public static JsonElement Property(JsonElement value, string name, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Mistyped(Parent(path), "an object", value);
        }

        return value.TryGetProperty(name, out var property)
            ? property
            : throw new FlowValueException($"the response has no field \"{path}\", which its example response has.");
    }

    /// <summary>A whole number.</summary>
    public static int Int(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Mistyped(path, "a whole number", value);

    /// <summary>A decimal number.</summary>
    public static decimal Decimal(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw Mistyped(path, "a number", value);

    /// <summary>A boolean.</summary>
    public static bool Bool(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Mistyped(path, "true or false", value),
    };

    /// <summary>A string.</summary>
    public static string String(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Mistyped(path, "a string", value);

    /// <summary>A string or null (the example had null there); other values are kept as their JSON text.</summary>
    public static string? NullableString(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Undefined => throw Mistyped(path, "a value", value),
        _ => value.GetRawText(),
    };

    /// <summary>An array, each element read by <paramref name="read"/>.</summary>
    public static IReadOnlyList<T> List<T>(JsonElement value, string path, Func<JsonElement, T> read)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Mistyped(path, "an array", value);
        }

        var items = new T[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[i++] = read(item);
        }

        return items;
    }

    private static string Parent(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "(response)" : path[..dot];
    }

    private static FlowValueException Mistyped(string path, string expected, JsonElement value) =>
        new($"the response field \"{(path.Length == 0 ? "(response)" : path)}\" should be {expected}, as in the example response, but is {Describe(value)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "missing",
    };
}
