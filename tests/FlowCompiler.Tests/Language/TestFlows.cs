using System.Text.Json.Nodes;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Tests.Language;

/// <summary>Builds small flows for tests: a trigger and a chain or tree of nodes given as JSON snippets.</summary>
internal static class TestFlows
{
    public static IEnumerable<string> SampleFiles =>
        RepositoryPaths.SampleFlowNames.Select(RepositoryPaths.SampleFlow);

    /// <summary>A flow on <paramref name="eventName"/> with the given nodes (after the trigger) and edges.</summary>
    public static string Flow(string eventName, string nodes, string edges) => $$"""
        {
          "format": "flowc/1",
          "id": "test-flow",
          "name": "Test flow",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "{{eventName}}" } }{{(nodes.Trim().Length > 0 ? "," : "")}}
            {{nodes}}
          ],
          "edges": [{{edges}}]
        }
        """;

    /// <summary>A chain trigger → n1 → n2 …, each node given as (id, type, parameters JSON).</summary>
    public static string Chain(string eventName, params (string Id, string Type, string Parameters)[] nodes)
    {
        var nodeJson = string.Join(",\n", nodes.Select(n => $$"""{ "id": "{{n.Id}}", "type": "{{n.Type}}", "parameters": {{n.Parameters}} }"""));
        var ids = new[] { "trigger" }.Concat(nodes.Select(n => n.Id)).ToList();
        var edges = string.Join(",", ids.Zip(ids.Skip(1), (a, b) => $$"""{ "from": "{{a}}", {{(a.StartsWith("f-", StringComparison.Ordinal) ? "\"port\": \"true\"," : "")}} "to": "{{b}}" }"""));
        return Flow(eventName, nodeJson, edges);
    }

    public static FlowValidation Validate(string json) => FlowValidator.Validate(json);

    public static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}
