using System.Collections.Immutable;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

// Nodes: the array, each node's id, type and position; its parameters are read in FlowDocumentReader.Parameters.cs.
public static partial class FlowDocumentReader
{
    private sealed partial class Reader
    {
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
            JsonElement? retry = null;
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
                    case "retry": retry = property.Value; break;
                    default: UnknownProperty(propertyPath, nodeId, "id, type, parameters, retry, position"); break;
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
                    $"node id \"{DiagnosticText.Printable(id)}\" is not valid: use 1-64 letters, digits, '_' and '-' (e.g. \"send-welcome\").");
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
                    $"unknown node type \"{DiagnosticText.Printable(type)}\"{NameSuggester.DidYouMean(suggestion)}. Node types: {known}.");
            }

            if (!present.Contains("parameters"))
            {
                Missing(path, "parameters", id);
            }

            var (values, unread) = parameters is { } p ? ReadParameters(p, path + ".parameters", id, spec) : ([], false);
            return new FlowNode(id, type, values, position, index)
            {
                HasUnreadParameters = unread,
                Retry = retry is { } r ? ReadRetry(r, path + ".retry", id, spec) : null,
            };
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
    }
}
