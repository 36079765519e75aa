using System.Text.Json;

namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>
/// The one format of a run's <c>nodes</c> column: a compact JSON array in execution order, each node as
/// <c>{"id":…,"status":"failed","port":…,"durationMs":…,"error":…}</c> (null port and error left out). EF Core's
/// mapping reads and writes it through this class, and so does the host's bulk writer, so both agree byte for byte.
/// </summary>
public static class RunNodesJson
{
    /// <summary>The nodes as the column's JSON.</summary>
    public static string Serialize(List<RunNodeRecord> nodes) => JsonSerializer.Serialize(nodes, RunNodesJsonContext.Default.ListRunNodeRecord);

    /// <summary>The nodes of the column's JSON; an empty or null column is no nodes.</summary>
    public static List<RunNodeRecord> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, RunNodesJsonContext.Default.ListRunNodeRecord) ?? [];
}
