using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// Exports a document in canonical form (spec §1): fixed property order, nodes in document order, edges in
/// execution order, 2-space indentation, <c>\n</c> line ends, a final newline. These bytes are what the
/// compile cache hashes, so two exports of the same flow are always identical.
/// </summary>
public static class FlowDocumentWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keep non-ASCII text readable in exports; the escaping is still fixed, so bytes stay canonical.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical UTF-8 bytes of a document.</summary>
    public static byte[] WriteUtf8(FlowDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteDocument(writer, document);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The canonical text of a document.</summary>
    public static string Write(FlowDocument document) => Encoding.UTF8.GetString(WriteUtf8(document));

    private static void WriteDocument(Utf8JsonWriter writer, FlowDocument document)
    {
        writer.WriteStartObject();
        writer.WriteString("format", FlowDocument.Format);
        writer.WriteString("id", document.Id);
        writer.WriteString("name", document.Name);
        if (document.Description is not null)
        {
            writer.WriteString("description", document.Description);
        }

        writer.WriteStartArray("nodes");
        foreach (var node in document.Nodes)
        {
            WriteNode(writer, node);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("edges");
        foreach (var edge in ExecutionOrder.Edges(document))
        {
            writer.WriteStartObject();
            writer.WriteString("from", edge.From);
            if (edge.Port != FlowEdge.OutPort)
            {
                writer.WriteString("port", edge.Port);
            }

            writer.WriteString("to", edge.To);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (document.MetaJson is not null)
        {
            writer.WritePropertyName("meta");
            WriteJson(writer, document.MetaJson);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, FlowNode node)
    {
        writer.WriteStartObject();
        writer.WriteString("id", node.Id);
        writer.WriteString("type", node.Type);
        writer.WriteStartObject("parameters");
        foreach (var (name, value) in node.Parameters)
        {
            writer.WritePropertyName(name);
            WriteParameter(writer, value);
        }

        writer.WriteEndObject();
        if (node.Retry is { } retry)
        {
            WriteRetry(writer, retry);
        }

        if (node.Position is { } position)
        {
            writer.WriteStartObject("position");
            writer.WritePropertyName("x");
            writer.WriteRawValue(position.X);
            writer.WritePropertyName("y");
            writer.WriteRawValue(position.Y);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteRetry(Utf8JsonWriter writer, NodeRetry retry)
    {
        writer.WriteStartObject("retry");
        if (retry.Attempts is { } attempts)
        {
            writer.WriteNumber("attempts", attempts);
        }

        if (retry.InitialDelayMs is { } initialDelay)
        {
            writer.WriteNumber("initialDelayMs", initialDelay);
        }

        if (retry.Multiplier is { } multiplier)
        {
            writer.WriteNumber("multiplier", multiplier);
        }

        if (retry.MaxDelayMs is { } maxDelay)
        {
            writer.WriteNumber("maxDelayMs", maxDelay);
        }

        if (retry.Jitter is { } jitter)
        {
            writer.WriteNumber("jitter", jitter);
        }

        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, ParameterValue value)
    {
        switch (value)
        {
            case StringParameter s:
                writer.WriteStringValue(s.Value);
                break;
            case NumberParameter n:
                writer.WriteRawValue(n.Literal);
                break;
            case BoolParameter b:
                writer.WriteBooleanValue(b.Value);
                break;
            case MapParameter map:
                writer.WriteStartObject();
                foreach (var (key, text) in map.Entries)
                {
                    writer.WriteString(key, text);
                }

                writer.WriteEndObject();
                break;
            case JsonParameter json:
                WriteJson(writer, json.Json);
                break;
        }
    }

    // Re-parsed so nested JSON is indented like the rest of the document.
    private static void WriteJson(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = FlowLimits.MaxJsonDepth + 1 });
        document.RootElement.WriteTo(writer);
    }
}
