using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

/// <summary>
/// Imports a <c>flowc/1</c> document strictly: every unknown property, wrong JSON type, bad id or odd
/// character is reported with its JSON path, and reading goes on so one pass finds every problem.
/// </summary>
public static class FlowDocumentReader
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

    private sealed class Reader(DiagnosticBag diagnostics)
    {
        private bool _tooLarge;

        public FlowDocument? ReadDocument(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(DiagnosticCodes.WrongJsonType, null, "$",
                    $"a flow document is a JSON object, but this file holds {Describe(root.ValueKind)}.");
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
                    $"flow id \"{Printable(id)}\" is not valid: use 1-64 lowercase letters, digits and '-', starting with a letter or digit (e.g. \"vip-server-webhook\").");
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

        private ImmutableArray<FlowNode> ReadNodes(JsonElement array, string path)
        {
            if (!ExpectKind(array, JsonValueKind.Array, path, null, "an array of nodes"))
            {
                return [];
            }

            var count = array.GetArrayLength();
            if (count > FlowLimits.MaxNodes)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, null, path,
                    $"the flow has {count} nodes; the limit is {FlowLimits.MaxNodes}. Split it into several flows.");
                _tooLarge = true;
                return [];
            }

            var nodes = ImmutableArray.CreateBuilder<FlowNode>(count);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (ReadNode(element, index) is { } node)
                {
                    nodes.Add(node);
                }

                index++;
            }

            return nodes.ToImmutable();
        }

        private FlowNode? ReadNode(JsonElement element, int index)
        {
            var path = JsonPathText.Index("$.nodes", index);
            if (!ExpectKind(element, JsonValueKind.Object, path, null, "a node object"))
            {
                return null;
            }

            string? id = null, type = null;
            bool idReported = false, typeReported = false;
            FlowPosition? position = null;
            JsonElement? parameters = null;
            var nodeId = QuietNodeId(element);
            var present = new HashSet<string>(StringComparer.Ordinal);

            foreach (var property in UniqueProperties(element, path, nodeId))
            {
                var propertyPath = JsonPathText.Property(path, property.Name);
                present.Add(property.Name);
                switch (property.Name)
                {
                    case "id": id = ReadKey(property.Value, propertyPath, null, out idReported); break;
                    case "type": type = ReadKey(property.Value, propertyPath, nodeId, out typeReported); break;
                    case "parameters":
                        if (ExpectKind(property.Value, JsonValueKind.Object, propertyPath, nodeId, "an object of parameters"))
                        {
                            parameters = property.Value;
                        }

                        break;
                    case "position": position = ReadPosition(property.Value, propertyPath, nodeId); break;
                    default: UnknownProperty(propertyPath, nodeId, "id, type, parameters, position"); break;
                }
            }

            if (id is null)
            {
                if (!present.Contains("id"))
                {
                    Missing(path, "id", null);
                }

                return null;
            }

            if (!idReported && !FlowIdentifiers.IsNodeId(id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidNodeId, null, path + ".id",
                    $"node id \"{Printable(id)}\" is not valid: use 1-64 letters, digits, '_' and '-' (e.g. \"send-welcome\").");
            }

            if (type is null)
            {
                if (!present.Contains("type"))
                {
                    Missing(path, "type", id);
                }

                return null;
            }

            var spec = NodeTypes.Find(type);
            if (spec is null && !typeReported)
            {
                var known = string.Join(", ", NodeTypes.All.Select(t => t.Type));
                var suggestion = NameSuggester.Closest(type, NodeTypes.All.Select(t => t.Type));
                diagnostics.Error(DiagnosticCodes.UnknownNodeType, id, path + ".type",
                    $"unknown node type \"{Printable(type)}\"{NameSuggester.DidYouMean(suggestion)}. Node types: {known}.");
            }

            if (!present.Contains("parameters"))
            {
                Missing(path, "parameters", id);
            }

            var (values, unread) = parameters is { } p ? ReadParameters(p, path + ".parameters", id, spec) : ([], false);
            return new FlowNode(id, type, values, position, index) { HasUnreadParameters = unread };
        }

        // Unread: a parameter was present but not read (reported here), or a name was unreadable or repeated.
        private (ImmutableArray<KeyValuePair<string, ParameterValue>> Values, bool Unread) ReadParameters(
            JsonElement element, string path, string nodeId, NodeTypeSpec? spec)
        {
            var read = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
            var order = new List<string>();
            var present = new HashSet<string>(StringComparer.Ordinal);
            var unread = false;
            foreach (var property in UniqueProperties(element, path, nodeId))
            {
                var propertyPath = JsonPathText.Property(path, property.Name);
                present.Add(property.Name);
                var parameter = spec?.Find(property.Name);
                if (spec is not null && parameter is null)
                {
                    UnknownProperty(propertyPath, nodeId, string.Join(", ", spec.Parameters.Select(s => s.Name)));
                    continue;
                }

                if (ReadParameter(property.Value, propertyPath, nodeId, parameter?.Kinds) is { } value)
                {
                    read[property.Name] = value;
                    order.Add(property.Name);
                }
                else
                {
                    unread = true;
                }
            }

            unread |= present.Count != element.GetPropertyCount();
            if (spec is null)
            {
                return ([.. order.Select(n => KeyValuePair.Create(n, read[n]))], unread);
            }

            // Canonical order; a present parameter of the wrong kind was reported already, not as missing.
            var result = ImmutableArray.CreateBuilder<KeyValuePair<string, ParameterValue>>();
            foreach (var parameter in spec.Parameters)
            {
                if (read.TryGetValue(parameter.Name, out var value))
                {
                    result.Add(KeyValuePair.Create(parameter.Name, value));
                }
                else if (parameter.Required && !present.Contains(parameter.Name))
                {
                    Missing(path, parameter.Name, nodeId);
                }
            }

            return (result.ToImmutable(), unread);
        }

        private ParameterValue? ReadParameter(JsonElement value, string path, string nodeId, ParameterKinds? kinds)
        {
            var allowed = kinds ?? (ParameterKinds.String | ParameterKinds.Number | ParameterKinds.Bool | ParameterKinds.Map | ParameterKinds.Json);
            switch (value.ValueKind)
            {
                case JsonValueKind.String when allowed.HasFlag(ParameterKinds.String):
                    return ReadText(value, path, nodeId) is { } text ? new StringParameter(text) : null;
                case JsonValueKind.Number when allowed.HasFlag(ParameterKinds.Number):
                    return new NumberParameter(value.GetRawText());
                case JsonValueKind.True or JsonValueKind.False when allowed.HasFlag(ParameterKinds.Bool):
                    return new BoolParameter(value.GetBoolean());
                case JsonValueKind.Object or JsonValueKind.Array when allowed.HasFlag(ParameterKinds.Json):
                    return ReadVerbatim(value, path, nodeId) is { } json ? new JsonParameter(json) : null;
                case JsonValueKind.Object when allowed.HasFlag(ParameterKinds.Map):
                    return ReadMap(value, path, nodeId);
                default:
                    diagnostics.Error(DiagnosticCodes.WrongJsonType, nodeId, path,
                        $"expected {DescribeKinds(allowed)}, found {Describe(value.ValueKind)}.");
                    return null;
            }
        }

        private MapParameter? ReadMap(JsonElement value, string path, string nodeId)
        {
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            var ok = true;
            foreach (var property in UniqueProperties(value, path, nodeId))
            {
                var entryPath = JsonPathText.Property(path, property.Name);
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    diagnostics.Error(DiagnosticCodes.WrongJsonType, nodeId, entryPath,
                        $"expected a string, found {Describe(property.Value.ValueKind)}.");
                    ok = false;
                    continue;
                }

                if (ReadText(property.Value, entryPath, nodeId) is { } text)
                {
                    entries.Add(KeyValuePair.Create(property.Name, text));
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? new MapParameter(entries.ToImmutable()) : null;
        }

        private FlowPosition? ReadPosition(JsonElement value, string path, string? nodeId)
        {
            if (!ExpectKind(value, JsonValueKind.Object, path, nodeId, "an object { \"x\": number, \"y\": number }"))
            {
                return null;
            }

            string? x = null, y = null;
            foreach (var property in UniqueProperties(value, path, nodeId))
            {
                var propertyPath = JsonPathText.Property(path, property.Name);
                if (property.Name is not ("x" or "y"))
                {
                    UnknownProperty(propertyPath, nodeId, "x, y");
                    continue;
                }

                if (ExpectKind(property.Value, JsonValueKind.Number, propertyPath, nodeId, "a number"))
                {
                    if (property.Name == "x")
                    {
                        x = property.Value.GetRawText();
                    }
                    else
                    {
                        y = property.Value.GetRawText();
                    }
                }
            }

            if (x is null || y is null)
            {
                Missing(path, x is null ? "x" : "y", nodeId);
                return null;
            }

            return new FlowPosition(x, y);
        }

        private ImmutableArray<FlowEdge> ReadEdges(JsonElement array, string path)
        {
            if (!ExpectKind(array, JsonValueKind.Array, path, null, "an array of edges"))
            {
                return [];
            }

            var count = array.GetArrayLength();
            if (count > FlowLimits.MaxEdges)
            {
                diagnostics.Error(DiagnosticCodes.LimitExceeded, null, path,
                    $"the flow has {count} edges; the limit is {FlowLimits.MaxEdges}.");
                _tooLarge = true;
                return [];
            }

            var edges = ImmutableArray.CreateBuilder<FlowEdge>(count);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var edgePath = JsonPathText.Index(path, index);
                if (ExpectKind(element, JsonValueKind.Object, edgePath, null, "an edge object { \"from\", \"port\", \"to\" }"))
                {
                    string? from = null, port = null, to = null;
                    var present = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in UniqueProperties(element, edgePath, null))
                    {
                        var propertyPath = JsonPathText.Property(edgePath, property.Name);
                        present.Add(property.Name);
                        switch (property.Name)
                        {
                            case "from": from = ReadKey(property.Value, propertyPath, null, out _); break;
                            case "port": port = ReadKey(property.Value, propertyPath, null, out _); break;
                            case "to": to = ReadKey(property.Value, propertyPath, null, out _); break;
                            default: UnknownProperty(propertyPath, null, "from, port, to"); break;
                        }
                    }

                    foreach (var end in (ReadOnlySpan<string>)["from", "to"])
                    {
                        if (!present.Contains(end))
                        {
                            Missing(edgePath, end, null);
                        }
                    }

                    if (from is not null && to is not null)
                    {
                        edges.Add(new FlowEdge(from, port ?? FlowEdge.OutPort, to, index));
                    }
                }

                index++;
            }

            return edges.ToImmutable();
        }

        // Diagnostics about a node carry its id when the id itself is readable and valid.
        // Found by enumerating: looking "id" up would unescape every other name and throw at a lone surrogate.
        private static string? QuietNodeId(JsonElement node)
        {
            string? found = null;
            foreach (var property in node.EnumerateObject())
            {
                try
                {
                    if (property.NameEquals("id"))
                    {
                        found = property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } text && FlowIdentifiers.IsNodeId(text) ? text : null;
                    }
                }
                catch (InvalidOperationException)
                {
                    // An unreadable name is not "id"; an unreadable id is no id. Both are reported where they are read.
                }
            }

            return found;
        }

        // JsonDocument keeps duplicate keys; a flow with two values for one property is ambiguous.
        private IEnumerable<JsonProperty> UniqueProperties(JsonElement element, string path, string? nodeId)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                string name;
                try
                {
                    name = property.Name;
                }
                catch (InvalidOperationException)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, path,
                        "a property name holds an invalid Unicode escape (a lone surrogate); remove it.");
                    continue;
                }

                if (!seen.Add(name))
                {
                    diagnostics.Error(DiagnosticCodes.MalformedJson, nodeId, JsonPathText.Property(path, name),
                        $"property \"{Printable(name)}\" appears twice; keep one.");
                    continue;
                }

                yield return property;
            }
        }

        // An id, node type, edge end or port that cannot be read (a lone surrogate or a control character) is reported
        // once and then stands in as written in the file, so the node and the edges that name it still connect and
        // nothing further is reported about it.
        private string? ReadKey(JsonElement value, string path, string? nodeId, out bool reported)
        {
            reported = true;
            if (!ExpectKind(value, JsonValueKind.String, path, nodeId, "a string"))
            {
                return null;
            }

            if (ReadText(value, path, nodeId) is { } text)
            {
                reported = false;
                return text;
            }

            return value.GetRawText()[1..^1];
        }

        // Kept as written (meta, exampleResponse): every name and string must be readable text, or the copy would fail.
        private string? ReadVerbatim(JsonElement value, string path, string? nodeId)
        {
            var readable = true;
            Check(value, path);
            return readable ? Compact(value) : null;

            void Check(JsonElement element, string at)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            string name;
                            try
                            {
                                name = property.Name;
                            }
                            catch (InvalidOperationException)
                            {
                                diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, at,
                                    "a property name holds an invalid Unicode escape (a lone surrogate); remove it.");
                                readable = false;
                                continue;
                            }

                            Check(property.Value, JsonPathText.Property(at, name));
                        }

                        break;
                    case JsonValueKind.Array:
                        var index = 0;
                        foreach (var item in element.EnumerateArray())
                        {
                            Check(item, JsonPathText.Index(at, index++));
                        }

                        break;
                    case JsonValueKind.String:
                        try
                        {
                            element.GetString();
                        }
                        catch (InvalidOperationException)
                        {
                            diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, at, LoneSurrogate);
                            readable = false;
                        }

                        break;
                }
            }
        }

        private string? ReadString(JsonElement value, string path, string? nodeId)
        {
            if (!ExpectKind(value, JsonValueKind.String, path, nodeId, "a string"))
            {
                return null;
            }

            return ReadText(value, path, nodeId);
        }

        // Free text may hold tabs and line breaks; any other C0 control character (NUL, ESC…) is damage
        // or an attack on a terminal or protocol downstream.
        private string? ReadText(JsonElement value, string path, string? nodeId)
        {
            if (!ExpectKind(value, JsonValueKind.String, path, nodeId, "a string"))
            {
                return null;
            }

            string text;
            try
            {
                text = value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, path, LoneSurrogate);
                return null;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < ' ' && c is not ('\t' or '\n' or '\r'))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidCharacter, nodeId, path,
                        $"the string holds the control character U+{(int)c:X4} at position {i + 1}; remove it.");
                    return null;
                }
            }

            return text;
        }

        private bool ExpectKind(JsonElement value, JsonValueKind kind, string path, string? nodeId, string expected)
        {
            if (value.ValueKind == kind)
            {
                return true;
            }

            diagnostics.Error(DiagnosticCodes.WrongJsonType, nodeId, path, $"expected {expected}, found {Describe(value.ValueKind)}.");
            return false;
        }

        private void UnknownProperty(string path, string? nodeId, string allowed)
        {
            var name = path[(path.LastIndexOfAny(['.', '[']) + 1)..].Trim('[', ']', '\'');
            var suggestion = NameSuggester.Closest(name, allowed.Split(", "));
            diagnostics.Error(DiagnosticCodes.UnknownProperty, nodeId, path,
                $"unknown property \"{Printable(name)}\"{NameSuggester.DidYouMean(suggestion)}. Allowed here: {allowed}.");
        }

        private void Missing(string parent, string name, string? nodeId) =>
            diagnostics.Error(DiagnosticCodes.MissingProperty, nodeId, JsonPathText.Property(parent, name),
                $"required property \"{name}\" is missing.");

        private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);
    }

    // The reader sees only UTF-8 (JsonFileText checked the bytes), so a string that cannot be read holds an escaped lone surrogate.
    private const string LoneSurrogate = "the string holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string DescribeKinds(ParameterKinds kinds)
    {
        var names = new List<string>();
        if (kinds.HasFlag(ParameterKinds.String)) names.Add("a string");
        if (kinds.HasFlag(ParameterKinds.Number)) names.Add("a number");
        if (kinds.HasFlag(ParameterKinds.Bool)) names.Add("a boolean");
        if (kinds.HasFlag(ParameterKinds.Map)) names.Add("an object of strings");
        if (kinds.HasFlag(ParameterKinds.Json)) names.Add("a JSON object or array");
        return string.Join(" or ", names);
    }

    /// <summary>Shows a value in a message without letting control characters reach a terminal.</summary>
    internal static string Printable(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 80));
        foreach (var c in value.Length > 80 ? value[..80] : value)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        }

        return value.Length > 80 ? builder.Append('…').ToString() : builder.ToString();
    }
}
