using System.Text.Json;
using System.Text.Json.Serialization;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Runtime.Persistence.Records;

/// <summary>Source-generated (reflection-free) serialization of <see cref="RunNodesJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LowerCaseStatus)])]
[JsonSerializable(typeof(List<RunNodeRecord>))]
internal sealed partial class RunNodesJsonContext : JsonSerializerContext
{
    /// <summary>Statuses as the spec's lower-case words, the same as the <c>status</c> column of a run.</summary>
    internal sealed class LowerCaseStatus() : JsonStringEnumConverter<NodeStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
}
