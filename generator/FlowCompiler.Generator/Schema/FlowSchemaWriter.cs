using System.Text.Json.Nodes;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Schema;

/// <summary>
/// Writes the JSON Schema (2020-12) of <c>flowc/1</c> that ships as <c>flows/flow.schema.json</c>, from the catalogs
/// the reader and the binder check flows against: the node types and their parameters (<see cref="NodeTypes"/>),
/// events, tables and columns (<see cref="TableCatalog"/>), the <c>modifyServer</c> actions (<see cref="ServerActions"/>),
/// the identifier, path, URL and header-name rules, and the limits. So the schema and <c>flowc validate</c> cannot
/// drift apart: where the schema can say a rule, it says the binder's; the rules only <c>validate</c> checks are
/// listed in the schema's description.
/// </summary>
public static partial class FlowSchemaWriter
{
    /// <summary>Where the schema ships, relative to the repository root.</summary>
    public const string RepositoryPath = "flows/flow.schema.json";

    // As FlowDocumentReader reads free text: tab, line feed and carriage return are the only C0 characters allowed.
    private const string TextPattern = @"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$";

    private const string Overview =
        "An event flow of the hosting panel's Event System: one trigger (an event node), then enrichers that filter or add data, then " +
        "actions. Any free-text parameter is a template: {{ path }} inserts a field, any other {{ ... }} is a Scriban expression, a " +
        "literal {{ is written {{ \"{{\" }}. ";

    private const string ValidateOnly =
        "This schema checks the shape: properties, JSON types, required and allowed parameters, choices, ids, numbers and their " +
        "ranges, the modifyServer action's values, the limits on nodes and edges, and that there is exactly one trigger. Only " +
        "`flowc validate` checks: the types of fields (a path exists at its node, an as name shadows nothing, a filter's operation " +
        "and value fit the field's type, a join compares fields of one type); templates (hole syntax, Scriban expressions, URL " +
        "hosts, JSON bodies, mail addresses, literal text given for a number, hostname or HA group, regular expressions, media " +
        "types); the graph (unique node ids, edges between known nodes from ports their source has, one incoming edge per node, " +
        "reachability, no cycles); and the JSON text itself (duplicate properties, nesting depth, file size, lone surrogates, " +
        "whole numbers written with a fraction or an exponent such as 5.0 or 1e3).";

    /// <summary>The schema's text: 2-space indentation, <c>\n</c> line ends, short objects on one line, a final line end.</summary>
    public static string Write() => CompactJsonText.Write(Document());

    private static JsonObject Document() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["$comment"] = "Generated from the compiler's node catalog by FlowSchemaWriter; do not edit. Running SchemaTests with FLOWC_ACCEPT_SCHEMA=1 rewrites it.",
        ["title"] = $"FlowCompiler event flow ({FlowDocument.Format})",
        ["description"] = Overview + ValidateOnly,
        ["type"] = "object",
        ["required"] = Strings("format", "id", "name", "nodes", "edges"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["format"] = new JsonObject { ["description"] = $"The format version. Always \"{FlowDocument.Format}\".", ["const"] = FlowDocument.Format },
            ["id"] = new JsonObject
            {
                ["description"] = "The flow's id: lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters.",
                ["type"] = "string",
                ["pattern"] = FlowIdentifiers.FlowIdPattern,
            },
            ["name"] = Ref("text", "A human-readable name, shown in the panel."),
            ["description"] = Ref("text", "Optional free text about what the flow is for."),
            ["nodes"] = new JsonObject
            {
                ["description"] = "The nodes in document order. Exactly one node is of type \"event\" (the trigger).",
                ["type"] = "array",
                ["maxItems"] = FlowLimits.MaxNodes,
                ["items"] = Ref("node"),
                ["contains"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Strings("type"),
                    ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = NodeTypes.Event } },
                },
                ["minContains"] = 1,
                ["maxContains"] = 1,
            },
            ["edges"] = new JsonObject
            {
                ["description"] = "Connections between nodes. Every node except the trigger has exactly one incoming edge; the children of one " +
                    "port run one after another, in the order their edges appear here.",
                ["type"] = "array",
                ["maxItems"] = FlowLimits.MaxEdges,
                ["items"] = Ref("edge"),
            },
            ["meta"] = new JsonObject
            {
                ["description"] = "Free-form: any JSON value the editor wants to keep. Exported unchanged, never read by the compiler.",
            },
        },
        ["$defs"] = Definitions(),
    };

    private static JsonObject Definitions()
    {
        var definitions = new JsonObject
        {
            ["text"] = new JsonObject
            {
                ["description"] = "Free text: any characters except C0 control characters other than tab, line feed and carriage return.",
                ["type"] = "string",
                ["pattern"] = TextPattern,
            },
            ["template"] = Ref("text", "A template: text with {{ path }} holes (e.g. {{hostname}}, {{owner.email}}) or Scriban expressions " +
                "(e.g. {{ ram / 1024 }}). Every path must exist at the node."),
            ["fieldPath"] = new JsonObject
            {
                ["description"] = "A field path in the node's scope, names separated by '.', e.g. id, charges.amount, tags.name, vlan.vlan.id.",
                ["type"] = "string",
                ["pattern"] = PathBinder.Pattern,
            },
            ["asName"] = new JsonObject
            {
                ["description"] = "The new top-level field this node adds to the scope of the nodes below it; it must not shadow a field already in scope.",
                ["type"] = "string",
                ["pattern"] = FlowIdentifiers.FieldNamePattern,
            },
            ["url"] = new JsonObject
            {
                ["description"] = "An http(s) URL template. Scheme and host (and port) are literal; holes may appear only from the path on and " +
                    "are percent-encoded, e.g. https://noc.example.com/hooks/servers/{{id}}.",
                ["allOf"] = new JsonArray(Ref("text")),
                ["pattern"] = UrlTemplateRules.Pattern,
            },
            ["headers"] = new JsonObject
            {
                ["description"] = "HTTP header name to value template.",
                ["type"] = "object",
                ["propertyNames"] = new JsonObject { ["pattern"] = FlowBinder.HeaderNamePattern },
                ["additionalProperties"] = Ref("template"),
            },
            ["contentType"] = new JsonObject
            {
                ["description"] = "A media type such as application/json or text/plain.",
                ["allOf"] = new JsonArray(Ref("text")),
                ["minLength"] = 1,
                ["examples"] = Strings("application/json", "text/plain"),
            },
            ["nodeId"] = new JsonObject
            {
                ["description"] = "A node's id: letters, digits, '_' and '-', 1 to 64 characters.",
                ["type"] = "string",
                ["pattern"] = FlowIdentifiers.NodeIdPattern,
            },
            ["position"] = new JsonObject
            {
                ["description"] = "Editor layout of the node. Kept on export, never read by the compiler.",
                ["type"] = "object",
                ["required"] = Strings("x", "y"),
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["x"] = new JsonObject { ["description"] = "Horizontal position.", ["type"] = "number" },
                    ["y"] = new JsonObject { ["description"] = "Vertical position.", ["type"] = "number" },
                },
            },
            ["retry"] = Retry(),
            ["edge"] = Edge(),
            ["node"] = Node(),
        };

        foreach (var spec in NodeTypes.All)
        {
            definitions[ParametersDefinition(spec)] = Parameters(spec);
        }

        return definitions;
    }

    private static JsonObject Retry()
    {
        var io = string.Join(", ", NodeTypes.All.Where(t => t.Retry is not null).Select(t => t.Type));
        return new JsonObject
        {
            ["description"] = $"How the durable queue retries the node's transient failures (timeouts, HTTP 5xx/408/429, SMTP 4xx, a locked " +
                $"database); only on nodes that do I/O ({io}). Each member is optional; those left out take the node type's defaults.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["attempts"] = Whole("Attempts in all, the first included.", 1, FlowDocumentReader.MaxRetryAttempts),
                ["initialDelayMs"] = Whole("The wait after the first failed attempt, in milliseconds.", 0, FlowDocumentReader.MaxRetryDelayMs),
                ["multiplier"] = new JsonObject { ["description"] = "How much longer each next wait is.", ["type"] = "number", ["minimum"] = 1, ["maximum"] = 10 },
                ["maxDelayMs"] = Whole("The longest wait, in milliseconds (at least initialDelayMs).", 0, FlowDocumentReader.MaxRetryDelayMs),
                ["jitter"] = new JsonObject { ["description"] = "The share of each wait that is random, from 0 to 1.", ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
            },
            ["examples"] = new JsonArray(new JsonObject { ["attempts"] = 5, ["initialDelayMs"] = 1000, ["multiplier"] = 2, ["maxDelayMs"] = 60000 }),
        };

        static JsonObject Whole(string description, int minimum, int maximum) =>
            new() { ["description"] = description, ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = maximum };
    }

    private static JsonObject Edge()
    {
        var ports = NodeTypes.All.SelectMany(t => t.Ports).Distinct().ToArray();
        var ownPorts = NodeTypes.All.Where(t => t.Ports is not [FlowEdge.OutPort])
            .Select(t => $"{string.Join(" or ", t.Ports.Select(p => $"\"{p}\""))} on a {t.Type}");
        return new JsonObject
        {
            ["description"] = "A connection from a port of one node to another node.",
            ["type"] = "object",
            ["required"] = Strings("from", "to"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["from"] = Ref("nodeId", "Id of the source node."),
                ["port"] = new JsonObject
                {
                    ["description"] = $"Output port of the source node: {string.Join(", ", ownPorts)}, \"{FlowEdge.OutPort}\" (the default) on every other node.",
                    ["enum"] = Strings(ports),
                    ["default"] = FlowEdge.OutPort,
                },
                ["to"] = Ref("nodeId", "Id of the target node."),
            },
        };
    }

    private static JsonObject Node()
    {
        var kinds = NodeTypes.All.GroupBy(t => t.Kind).Select(g => $"{KindName(g.Key)}: {string.Join(", ", g.Select(t => t.Type))}");
        var byType = new JsonArray();
        foreach (var spec in NodeTypes.All)
        {
            byType.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["required"] = Strings("type"),
                    ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = spec.Type } },
                },
                ["then"] = new JsonObject
                {
                    ["properties"] = spec.Retry is null
                        ? new JsonObject { ["parameters"] = Ref(ParametersDefinition(spec)), ["retry"] = false }
                        : new JsonObject { ["parameters"] = Ref(ParametersDefinition(spec)) },
                },
            });
        }

        return new JsonObject
        {
            ["description"] = "One node of the flow. Its parameters depend on its type.",
            ["type"] = "object",
            ["required"] = Strings("id", "type", "parameters"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["id"] = Ref("nodeId", "The node's id, unique in the flow."),
                ["type"] = new JsonObject
                {
                    ["description"] = $"The node type. {string.Join(". ", kinds)}.",
                    ["enum"] = Strings([.. NodeTypes.All.Select(t => t.Type)]),
                },
                ["parameters"] = new JsonObject { ["description"] = "The node type's parameters.", ["type"] = "object" },
                ["retry"] = Ref("retry"),
                ["position"] = Ref("position"),
            },
            ["allOf"] = byType,
        };
    }

    private static string KindName(NodeKind kind) => kind switch
    {
        NodeKind.Trigger => "Trigger",
        NodeKind.Enricher => "Enrichers",
        _ => "Actions",
    };

    private static string ParametersDefinition(NodeTypeSpec spec) => spec.Type + "Parameters";

    private static JsonObject Ref(string definition, string? description = null)
    {
        var reference = new JsonObject();
        if (description is { Length: > 0 })
        {
            reference["description"] = description;
        }

        reference["$ref"] = $"#/$defs/{definition}";
        return reference;
    }

    private static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)v)]);
}
