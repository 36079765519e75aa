using System.Text.Json;

namespace FlowCompiler.Editor.Api;

/// <summary>What one node did in a run or a dry run, as the canvas overlays it.</summary>
/// <param name="Id">The node id.</param>
/// <param name="Status"><c>succeeded</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Port">The port a filter took, or null.</param>
/// <param name="DurationMs">How long the node itself ran.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record NodeOutcome(string Id, string Status, string? Port, double DurationMs, string? Error)
{
    /// <summary>A status as the API spells it (the CLI's JSON does the same): the enum name in camel case.</summary>
    internal static string Name<T>(T status) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());
}
