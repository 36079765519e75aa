using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Cli;

/// <summary>
/// Prints a run (spec §7): as JSON, <c>{ "flow", "status", "nodes": [{ "id", "status", "port"?, "error"? }], "effects": [...] }</c>
/// with each effect <c>{ "node", "type", ...the action's rendered parameters... }</c> in execution order; or as text.
/// Webhook headers are left out of effects: they are where credentials live (<c>Authorization</c>).
/// </summary>
internal static class RunResultOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Text output quotes strings as JSON, so line breaks and control characters stay visible.
    private static readonly JsonSerializerOptions TextOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteJson(Stream stdout, RunResult result)
    {
        using (var writer = new Utf8JsonWriter(stdout, JsonOptions))
        {
            Write(writer, result);
        }

        stdout.Write("\n"u8);
    }

    /// <summary>
    /// Writes one run into a larger document; a run of a published flow adds its <c>version</c>, and an
    /// <c>error</c> when the run as a whole stopped early (a timeout).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RunResult result, int? version = null, string? runError = null)
    {
        writer.WriteStartObject();
        writer.WriteString("flow", result.Flow);
        if (version is { } number)
        {
            writer.WriteNumber("version", number);
        }

        writer.WriteString("status", Status(result.Status));
        if (runError is not null)
        {
            writer.WriteString("error", runError);
        }

        writer.WriteStartArray("nodes");
        foreach (var node in result.Nodes)
        {
            WriteNode(writer, node.Id, node.Status, node.Port, node.Error);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("effects");
        foreach (var effect in result.Effects)
        {
            writer.WriteStartObject();
            writer.WriteString("node", effect.NodeId);
            writer.WriteString("type", effect.Type);
            foreach (var (name, value) in effect.Parameters)
            {
                WriteValue(writer, name, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>One node of a run (or of a run record) in the JSON of spec §7: <c>{ "id", "status", "port"?, "error"? }</c>.</summary>
    public static void WriteNode(Utf8JsonWriter writer, string id, NodeStatus status, string? port, string? error)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("status", Status(status));
        if (port is not null)
        {
            writer.WriteString("port", port);
        }

        if (error is not null)
        {
            writer.WriteString("error", error);
        }

        writer.WriteEndObject();
    }

    /// <summary>One node as a text line: id padded to <paramref name="width"/>, status, the port taken, the error.</summary>
    public static string NodeLine(string id, int width, NodeStatus status, string? port, string? error) =>
        $"  {id.PadRight(width)}  {Status(status)}{(port is null ? "" : " -> " + port)}{(error is null ? "" : ": " + error)}";

    /// <summary>A run as text; a run of a published flow adds its version, and the error that stopped it early.</summary>
    public static void WriteText(TextWriter output, RunResult result, bool dryRun, int? version = null, string? runError = null)
    {
        var flow = version is { } number ? $"{result.Flow} v{number}" : result.Flow;
        var duration = result.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"flow {flow}: {Status(result.Status)} in {duration} ms{(dryRun ? " (dry run: nothing was sent)" : "")}{(runError is null ? "" : " — " + runError)}");
        var width = result.Nodes.Max(n => n.Id.Length);
        foreach (var node in result.Nodes)
        {
            output.WriteLine(NodeLine(node.Id, width, node.Status, node.Port, node.Error));
        }

        output.WriteLine(result.Effects.Count == 0 ? "no effects" : dryRun ? "effects (would have been sent):" : "effects:");
        foreach (var effect in result.Effects)
        {
            output.WriteLine($"  [{effect.NodeId}] {effect.Type}");
            foreach (var (name, value) in effect.Parameters)
            {
                output.WriteLine($"    {name}: {Text(value)}");
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string text:
                writer.WriteString(name, text);
                break;
            case bool flag:
                writer.WriteBoolean(name, flag);
                break;
            case int number:
                writer.WriteNumber(name, number);
                break;
            case decimal number:
                writer.WriteNumber(name, number);
                break;
            case IReadOnlyList<KeyValuePair<string, object>> values:
                writer.WriteStartObject(name);
                foreach (var (key, item) in values)
                {
                    WriteValue(writer, key, item);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "(none)",
        string text => JsonSerializer.Serialize(text, TextOptions),
        bool flag => flag ? "true" : "false",
        IReadOnlyList<KeyValuePair<string, object>> values => string.Join(", ", values.Select(v => $"{v.Key} = {Text(v.Value)}")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Status(RunStatus status) => status == RunStatus.Succeeded ? "succeeded" : "failed";

    public static string Status(NodeStatus status) => status switch
    {
        NodeStatus.Succeeded => "succeeded",
        NodeStatus.Failed => "failed",
        _ => "skipped",
    };
}
