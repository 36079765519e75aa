using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowCompiler.Generator.Schema;

/// <summary>
/// Writes JSON for people to read: 2-space indentation and <c>\n</c> line ends, with an object or array that fits on
/// one line (at most <see cref="LineWidth"/> characters with its indentation) kept on one line, as a hand-written
/// schema would be. Deterministic: the same tree always gives the same text.
/// </summary>
internal static class CompactJsonText
{
    private const int LineWidth = 120;

    private static readonly JsonSerializerOptions Scalars = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text of <paramref name="node"/>, with a final line end.</summary>
    public static string Write(JsonNode node)
    {
        var text = new StringBuilder();
        Append(text, node, indent: 0, prefixLength: 0);
        return text.Append('\n').ToString();
    }

    private static void Append(StringBuilder text, JsonNode? node, int indent, int prefixLength)
    {
        var line = OneLine(node);
        if (node is not (JsonObject or JsonArray) || indent + prefixLength + line.Length <= LineWidth)
        {
            text.Append(line);
            return;
        }

        if (node is JsonArray scalars && scalars.All(item => item is not (JsonObject or JsonArray)))
        {
            AppendWrapped(text, scalars, indent);
            return;
        }

        var (open, close) = node is JsonObject ? ('{', '}') : ('[', ']');
        text.Append(open).Append('\n');
        List<(string? Key, JsonNode? Value)> list = node is JsonObject obj
            ? [.. obj.Select(m => ((string?)m.Key, m.Value))]
            : [.. node.AsArray().Select(v => ((string?)null, v))];
        for (var i = 0; i < list.Count; i++)
        {
            text.Append(' ', indent + 2);
            var prefix = list[i].Key is { } key ? JsonSerializer.Serialize(key, Scalars) + ": " : "";
            text.Append(prefix);
            Append(text, list[i].Value, indent + 2, prefix.Length);
            text.Append(i < list.Count - 1 ? ",\n" : "\n");
        }

        text.Append(' ', indent).Append(close);
    }

    // A long list of words (an enum) fills its lines instead of taking one line per word.
    private static void AppendWrapped(StringBuilder text, JsonArray items, int indent)
    {
        text.Append("[\n").Append(' ', indent + 2);
        var column = indent + 2;
        for (var i = 0; i < items.Count; i++)
        {
            var item = OneLine(items[i]) + (i < items.Count - 1 ? "," : "");
            if (column > indent + 2 && column + 1 + item.Length > LineWidth)
            {
                text.Append('\n').Append(' ', indent + 2);
                column = indent + 2;
            }
            else if (column > indent + 2)
            {
                text.Append(' ');
                column++;
            }

            text.Append(item);
            column += item.Length;
        }

        text.Append('\n').Append(' ', indent).Append(']');
    }

    private static string OneLine(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Count == 0 ? "{}" : "{ " + string.Join(", ", obj.Select(m => JsonSerializer.Serialize(m.Key, Scalars) + ": " + OneLine(m.Value))) + " }",
        JsonArray array => "[" + string.Join(", ", array.Select(OneLine)) + "]",
        null => "null",
        _ => node.ToJsonString(Scalars),
    };
}
