using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// Imports a <c>flowc/1</c> document strictly: every unknown property, wrong JSON type, bad id or odd
/// character is reported with its JSON path, and reading goes on so one pass finds every problem.
/// </summary>
public static partial class FlowDocumentReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // The pre-scan has already rejected anything deeper than FlowLimits.MaxJsonDepth.
        MaxDepth = FlowLimits.MaxJsonDepth + 1,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Reads a document from UTF-8 bytes (a byte order mark is skipped). Returns null when it is too broken to bind.</summary>
    public static FlowDocument? Read(ReadOnlyMemory<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > FlowLimits.MaxDocumentBytes)
        {
            diagnostics.Error(DiagnosticCodes.LimitExceeded, null, "$",
                $"the flow file is {bytes.Length / (1024.0 * 1024.0):0.0} MiB; the limit is {FlowLimits.MaxDocumentBytes / (1024 * 1024)} MiB. Is this really a flow export?");
            return null;
        }

        if (!JsonFileText.TryGetUtf8(bytes, out var utf8, out var problem))
        {
            diagnostics.Error(DiagnosticCodes.MalformedJson, null, "$", "the flow file " + problem);
            return null;
        }

        if (!JsonPreScan.Check(utf8.Span, diagnostics))
        {
            return null;
        }

        using var json = JsonDocument.Parse(utf8, DocumentOptions);
        return new Reader(diagnostics).ReadDocument(json.RootElement);
    }

    /// <summary>Reads a document from text.</summary>
    public static FlowDocument? Read(string text, DiagnosticBag diagnostics) =>
        Read(Encoding.UTF8.GetBytes(text), diagnostics);

    // One reader per document: it holds the diagnostics and whether a limit stopped reading. Its parts read the
    // document (here), nodes, parameters, edges, and the JSON values all of them share.
    private sealed partial class Reader(DiagnosticBag diagnostics)
    {
        private bool _tooLarge;

        public FlowDocument? ReadDocument(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(DiagnosticCodes.WrongJsonType, null, "$",
                    $"a flow document is a JSON object, but this file holds {DiagnosticText.JsonKind(root.ValueKind)}.");
                return null;
            }

            string? format = null, id = null, name = null, description = null, meta = null;
            var nodes = ImmutableArray<FlowNode>.Empty;
            var edges = ImmutableArray<FlowEdge>.Empty;

            // A property that is present but unreadable was reported where it is; it is not also "missing".
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in UniqueProperties(root, "$", null))
            {
                var path = JsonPathText.Property("$", property.Name);
                present.Add(property.Name);
                switch (property.Name)
                {
                    case "format": format = ReadString(property.Value, path, null); break;
                    case "id": id = ReadString(property.Value, path, null); break;
                    case "name": name = ReadText(property.Value, path, null); break;
                    case "description": description = ReadText(property.Value, path, null); break;
                    case "nodes": nodes = ReadNodes(property.Value, path); break;
                    case "edges": edges = ReadEdges(property.Value, path); break;
                    case "meta": meta = ReadVerbatim(property.Value, path, null); break;
                    default: UnknownProperty(path, null, "format, id, name, description, nodes, edges, meta"); break;
                }
            }

            if (!present.Contains("format"))
            {
                diagnostics.Error(DiagnosticCodes.UnsupportedFormat, null, "$.format",
                    $"the document has no \"format\"; add \"format\": \"{FlowDocument.Format}\".");
            }
            else if (format is not null && format != FlowDocument.Format)
            {
                diagnostics.Error(DiagnosticCodes.UnsupportedFormat, null, "$.format",
                    $"format \"{format}\" is not supported; this compiler reads \"{FlowDocument.Format}\".");
            }

            if (!present.Contains("id"))
            {
                Missing("$", "id", null);
            }
            else if (id is not null && !FlowIdentifiers.IsFlowId(id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidFlowId, null, "$.id",
                    $"flow id \"{DiagnosticText.Printable(id)}\" is not valid: use 1-64 lowercase letters, digits and '-', starting with a letter or digit (e.g. \"vip-server-webhook\").");
            }

            foreach (var required in (ReadOnlySpan<string>)["name", "nodes", "edges"])
            {
                if (!present.Contains(required))
                {
                    Missing("$", required, null);
                }
            }

            if (_tooLarge)
            {
                return null;
            }

            return new FlowDocument(id ?? "", name ?? "", description, nodes, edges, meta);
        }
    }
}
