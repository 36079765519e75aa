using FlowCompiler.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FlowCompiler.Runtime.Persistence.Mapping;

/// <summary>Stores a run's nodes as the JSON of <see cref="RunNodesJson"/> in the <c>nodes</c> column, the same on every provider.</summary>
internal sealed class RunNodesConverter() : ValueConverter<List<RunNodeRecord>, string>(
    nodes => RunNodesJson.Serialize(nodes),
    json => RunNodesJson.Deserialize(json))
{
    /// <summary>Compares node lists by their JSON, so a changed node is saved.</summary>
    public static ValueComparer<List<RunNodeRecord>> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && RunNodesJson.Serialize(a) == RunNodesJson.Serialize(b)),
        nodes => RunNodesJson.Serialize(nodes).GetHashCode(StringComparison.Ordinal),
        nodes => RunNodesJson.Deserialize(RunNodesJson.Serialize(nodes)));
}
