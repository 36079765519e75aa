using System.Text;

namespace FlowCompiler.Bench;

/// <summary>
/// Builds a valid flow of any size: under the trigger, groups of a filter, a join, a templated field and
/// a webhook with a JSON body, so every binder path (filters, joins, templates, URL and JSON checks) runs.
/// </summary>
public static class LargeFlow
{
    /// <summary>A flow with <paramref name="nodeCount"/> nodes in all, trigger included.</summary>
    public static string Build(int nodeCount)
    {
        var nodes = new StringBuilder();
        var edges = new StringBuilder();
        nodes.Append("""{ "id": "trigger", "type": "event", "parameters": { "event": "server.created" } }""");
        var count = 1;
        for (var group = 0; count < nodeCount; group++)
        {
            var f = $"f{group}";
            Add(nodes, edges, ref count, nodeCount, f, "trigger", "", $$"""{ "id": "{{f}}", "type": "filter", "parameters": { "field": "charges.amount", "operation": ">", "value": {{group}} } }""");
            Add(nodes, edges, ref count, nodeCount, $"j{group}", f, "\"port\": \"true\", ", $$"""{ "id": "j{{group}}", "type": "dbJoin", "parameters": { "from": "users", "inputField": "userid", "joinField": "id", "as": "owner" } }""");
            Add(nodes, edges, ref count, nodeCount, $"a{group}", $"j{group}", "", $$$"""{ "id": "a{{{group}}}", "type": "addField", "parameters": { "as": "label", "value": "{{hostname}} ({{charges.description}}) for {{owner.email}}" } }""");
            Add(nodes, edges, ref count, nodeCount, $"w{group}", $"a{group}", "", $$$$"""{ "id": "w{{{{group}}}}", "type": "webhook", "parameters": { "url": "https://noc.example.com/servers/{{id}}?g={{{{group}}}}", "method": "POST", "content": "{\"label\": \"{{label}}\", \"cpu\": {{cpu}}, \"ip\": {{ip}}}" } }""");
        }

        return $$"""{ "format": "flowc/1", "id": "large", "name": "Large", "nodes": [{{nodes}}], "edges": [{{edges}}] }""";
    }

    private static void Add(StringBuilder nodes, StringBuilder edges, ref int count, int limit, string id, string parent, string port, string node)
    {
        if (count >= limit)
        {
            return;
        }

        nodes.Append(",\n").Append(node);
        if (edges.Length > 0)
        {
            edges.Append(",\n");
        }

        edges.Append($$"""{ "from": "{{parent}}", {{port}}"to": "{{id}}" }""");
        count++;
    }
}
