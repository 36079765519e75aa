using System.Collections.Immutable;
using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;

namespace FlowCompiler.Generator.Model;

// Edges: the array, each edge's ends and port.
public static partial class FlowDocumentReader
{
    private sealed partial class Reader
    {
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
    }
}
