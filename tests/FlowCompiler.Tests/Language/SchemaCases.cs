using System.Text.Json.Nodes;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Tests.Language;

using static Verdict;

/// <summary>
/// Flows the schema and <c>validate</c> are compared on: the samples, a valid node of every type, each of them with a
/// required parameter left out, an unknown one added and one of the wrong JSON type, every choice and one outside
/// them, number ranges, and edge cases of the document, templates and graph.
/// </summary>
internal static class SchemaCases
{
    private const string Event = "server.created";

    // One valid node of each type (and of each modifyServer action), placed after a server.created trigger.
    private static readonly (string Name, string Type, string Parameters)[] ValidNodes =
    [
        ("filter", "filter", """{ "field": "hostname", "operation": "startsWith", "value": "web", "ignoreCase": true }"""),
        ("addField", "addField", """{ "as": "label", "value": "{{hostname}} on {{node}}" }"""),
        ("dbJoin", "dbJoin", """{ "from": "users", "inputField": "userid", "joinField": "id", "as": "owner" }"""),
        ("rest", "rest", """
            { "url": "https://ipam.example.com/vlans?node={{node}}", "method": "POST", "headers": { "Accept": "application/json" },
              "contentType": "application/json", "content": "{\"id\": {{id}}}", "exampleResponse": { "vlan": { "id": 120 } }, "as": "vlan" }
            """),
        ("loadTags", "loadTags", """{ "for": "server", "inputField": "id", "as": "tags" }"""),
        ("ipam", "ipam", """{ "family": "ipv4", "node": "{{node}}", "userId": "{{userid}}", "as": "ipv4" }"""),
        ("sendMail", "sendMail", """{ "to": "noc@example.com", "subject": "New {{hostname}}", "content": "<b>{{hostname}}</b>", "html": true }"""),
        ("webhook", "webhook", """
            { "url": "https://noc.example.com/hooks/{{id}}", "method": "POST", "contentType": "application/json",
              "content": "{\"id\": {{id}}, \"host\": \"{{hostname}}\"}", "headers": { "X-Panel-Node": "{{node}}" } }
            """),
        ("createTicket", "createTicket", """{ "title": "Check {{hostname}}", "priority": "high", "creatorId": "{{userid}}", "content": "Please check.", "as": "ticket" }"""),
        ("modifyServer (setNote)", "modifyServer", """{ "serverId": "{{id}}", "component": "general", "action": "setNote", "note": "Owner {{userid}}" }"""),
        ("modifyServer (setHostname)", "modifyServer", """{ "serverId": 7, "component": "general", "action": "setHostname", "hostname": "vm{{vmid}}.example.com" }"""),
        ("modifyServer (changeVlanTag)", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "changeVlanTag", "tag": 120 }"""),
        ("modifyServer (changeRateLimit)", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "changeRateLimit", "rate": 12 }"""),
        ("modifyServer (assignIpv4)", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "assignIpv4", "ipv4Id": "{{vmid}}" }"""),
        ("modifyServer (assignIpv6)", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "assignIpv6", "ipv6Id": 3 }"""),
        ("modifyServer (setHaStatus)", "modifyServer", """{ "serverId": "{{id}}", "component": "ha", "action": "setHaStatus", "group": "fra-1", "maxRelocates": 1, "maxRestarts": "{{cpu}}" }"""),
    ];

    public static IReadOnlyDictionary<string, (string Json, Verdict Expected)> All { get; } = Build();

    private static Dictionary<string, (string, Verdict)> Build()
    {
        var cases = new Dictionary<string, (string, Verdict)>(StringComparer.Ordinal);
        foreach (var file in TestFlows.SampleFiles)
        {
            cases[$"sample {Path.GetFileName(file)}"] = (File.ReadAllText(file), BothAccept);
        }

        AddNodeCases(cases);
        AddChoiceCases(cases);
        AddNumberCases(cases);
        AddFilterCases(cases);
        AddDocumentCases(cases);
        AddTemplateAndTypeCases(cases);
        AddGraphCases(cases);
        return cases;
    }

    // Each valid node; without each required parameter; with an unknown one; each parameter of a JSON kind it refuses.
    private static void AddNodeCases(Dictionary<string, (string, Verdict)> cases)
    {
        foreach (var (name, type, parameters) in ValidNodes)
        {
            cases[$"{name} is valid"] = (Node(type, parameters), BothAccept);
            var spec = NodeTypes.Find(type)!;
            var given = JsonNode.Parse(parameters)!.AsObject();
            var action = ServerActions.All.FirstOrDefault(a => a.Name == (string?)given["action"]);
            var required = spec.Parameters.Where(p => p.Required).Select(p => p.Name).Concat(action?.Values.Select(v => v.Name) ?? []);
            foreach (var parameter in required)
            {
                cases[$"{name} without {parameter}"] = (Node(type, With(parameters, p => p.Remove(parameter))), BothRefuse);
            }

            cases[$"{name} with an unknown parameter"] = (Node(type, With(parameters, p => p["colour"] = "blue")), BothRefuse);
            foreach (var (parameter, _) in given)
            {
                var kinds = spec.Find(parameter)!.Kinds;
                cases[$"{name} with {parameter} of a wrong JSON type"] = (Node(type, With(parameters, p => p[parameter] = WrongKind(kinds))), BothRefuse);
            }
        }

        // A value of another action, and an action of another component.
        cases["setNote with a tag"] = (Node("modifyServer", """{ "serverId": 1, "component": "general", "action": "setNote", "note": "n", "tag": 5 }"""), BothRefuse);
        cases["general component with changeVlanTag"] = (Node("modifyServer", """{ "serverId": 1, "component": "general", "action": "changeVlanTag", "tag": 5 }"""), BothRefuse);
        cases["createTicket without its optional as"] = (Node("createTicket", """{ "title": "t", "priority": "low", "creatorId": 1, "content": "c" }"""), BothAccept);
        cases["ipam with only family and as"] = (Node("ipam", """{ "family": "ipv6", "as": "net" }"""), BothAccept);
    }

    private static JsonNode WrongKind(ParameterKinds kinds) =>
        !kinds.HasFlag(ParameterKinds.String) ? "text"
        : !kinds.HasFlag(ParameterKinds.Number) ? 5
        : !kinds.HasFlag(ParameterKinds.Bool) ? true
        : new JsonArray(1);

    private static void AddChoiceCases(Dictionary<string, (string, Verdict)> cases)
    {
        foreach (var flowEvent in Runtime.Events.FlowEvents.All)
        {
            cases[$"event {flowEvent.Name}"] = (TestFlows.Flow(flowEvent.Name, "", ""), BothAccept);
        }

        cases["event server.deleted"] = (TestFlows.Flow("server.deleted", "", ""), BothRefuse);

        foreach (var method in NodeTypes.Find(NodeTypes.Webhook)!.Find("method")!.Choices)
        {
            cases[$"webhook method {method}"] = (Node("webhook", $$"""{ "url": "https://noc.example.com/x", "method": "{{method}}" }"""), BothAccept);
        }

        cases["webhook method get"] = (Node("webhook", """{ "url": "https://noc.example.com/x", "method": "get" }"""), BothRefuse);
        cases["loadTags for user"] = (Node("loadTags", """{ "for": "user", "inputField": "userid", "as": "tags" }"""), BothAccept);
        cases["loadTags for package"] = (Node("loadTags", """{ "for": "package", "inputField": "id", "as": "tags" }"""), BothRefuse);
        cases["ipam family ipv5"] = (Node("ipam", """{ "family": "ipv5", "as": "net" }"""), BothRefuse);
        foreach (var priority in NodeTypes.Find(NodeTypes.CreateTicket)!.Find("priority")!.Choices)
        {
            cases[$"createTicket priority {priority}"] = (Node("createTicket", $$"""{ "title": "t", "priority": "{{priority}}", "creatorId": 1, "content": "c" }"""), BothAccept);
        }

        cases["createTicket priority critical"] = (Node("createTicket", """{ "title": "t", "priority": "critical", "creatorId": 1, "content": "c" }"""), BothRefuse);
        foreach (var table in TableCatalog.Names)
        {
            cases[$"dbJoin from {table}"] = (Node("dbJoin", $$"""{ "from": "{{table}}", "inputField": "id", "joinField": "id", "as": "row" }"""), BothAccept);
        }

        cases["dbJoin from nothing"] = (Node("dbJoin", """{ "from": "nothing", "inputField": "id", "joinField": "id", "as": "row" }"""), BothRefuse);
        cases["dbJoin on a column of another table"] = (Node("dbJoin", """{ "from": "users", "inputField": "id", "joinField": "vmid", "as": "row" }"""), BothRefuse);
        cases["dbJoin on a column that is not a value"] = (Node("dbJoin", """{ "from": "packages", "inputField": "hostname", "joinField": "meta", "as": "row" }"""), BothRefuse);
        cases["dbJoin on columns of two types"] = (Node("dbJoin", """{ "from": "users", "inputField": "userid", "joinField": "email", "as": "row" }"""), OnlyValidateRefuses);
    }

    private static void AddNumberCases(Dictionary<string, (string, Verdict)> cases)
    {
        string Server(string action, string component, string values) =>
            Node("modifyServer", $$"""{ "serverId": 1, "component": "{{component}}", "action": "{{action}}", {{values}} }""");

        cases["a decimal rate"] = (Server("changeRateLimit", "network", "\"rate\": 12.5"), BothAccept);
        cases["a rate of 0"] = (Server("changeRateLimit", "network", "\"rate\": 0"), BothAccept);
        cases["a negative rate"] = (Server("changeRateLimit", "network", "\"rate\": -1"), BothRefuse);
        cases["a decimal rate written as text"] = (Server("changeRateLimit", "network", "\"rate\": \"12.5\""), BothAccept);
        cases["a rate that is not a number"] = (Server("changeRateLimit", "network", "\"rate\": \"fast\""), OnlyValidateRefuses);
        cases["a rate with an exponent"] = (Server("changeRateLimit", "network", "\"rate\": 1e1"), OnlyValidateRefuses);
        cases["tag 1"] = (Server("changeVlanTag", "network", "\"tag\": 1"), BothAccept);
        cases["tag 4094"] = (Server("changeVlanTag", "network", "\"tag\": 4094"), BothAccept);
        cases["tag 0"] = (Server("changeVlanTag", "network", "\"tag\": 0"), BothRefuse);
        cases["tag 4095"] = (Server("changeVlanTag", "network", "\"tag\": 4095"), BothRefuse);
        cases["tag 12.5"] = (Server("changeVlanTag", "network", "\"tag\": 12.5"), BothRefuse);
        cases["tag 4095 written as text"] = (Server("changeVlanTag", "network", "\"tag\": \"4095\""), OnlyValidateRefuses);
        cases["tag 5.0"] = (Server("changeVlanTag", "network", "\"tag\": 5.0"), OnlyValidateRefuses);
        cases["maxRelocates 0"] = (Server("setHaStatus", "ha", "\"group\": \"g\", \"maxRelocates\": 0, \"maxRestarts\": 0"), BothAccept);
        cases["maxRestarts -1"] = (Server("setHaStatus", "ha", "\"group\": \"g\", \"maxRelocates\": 0, \"maxRestarts\": -1"), BothRefuse);
        cases["ipv4Id 0"] = (Server("assignIpv4", "network", "\"ipv4Id\": 0"), BothRefuse);
        cases["a hostname that is not a DNS name"] = (Server("setHostname", "general", "\"hostname\": \"web server!\""), OnlyValidateRefuses);
        cases["an HA group that is not a group id"] = (Server("setHaStatus", "ha", "\"group\": \"1 group\", \"maxRelocates\": 0, \"maxRestarts\": 0"), OnlyValidateRefuses);
        cases["serverId 0"] = (Node("modifyServer", """{ "serverId": 0, "component": "general", "action": "setNote", "note": "n" }"""), BothRefuse);
        cases["serverId 2147483647"] = (Node("modifyServer", """{ "serverId": 2147483647, "component": "general", "action": "setNote", "note": "n" }"""), BothAccept);
        cases["serverId 2147483648"] = (Node("modifyServer", """{ "serverId": 2147483648, "component": "general", "action": "setNote", "note": "n" }"""), BothRefuse);
        cases["creatorId 0"] = (Node("createTicket", """{ "title": "t", "priority": "low", "creatorId": 0, "content": "c" }"""), BothRefuse);
        cases["ipam userId 0"] = (Node("ipam", """{ "family": "ipv4", "userId": 0, "as": "net" }"""), BothAccept);
        cases["ipam userId -1"] = (Node("ipam", """{ "family": "ipv4", "userId": -1, "as": "net" }"""), BothRefuse);
        cases["ipam userId that is not a number"] = (Node("ipam", """{ "family": "ipv4", "userId": "admin", "as": "net" }"""), OnlyValidateRefuses);
    }

    private static void AddFilterCases(Dictionary<string, (string, Verdict)> cases)
    {
        foreach (var operation in NodeTypes.Find(NodeTypes.Filter)!.Find("operation")!.Choices)
        {
            var parameters = operation switch
            {
                "empty" or "notEmpty" => $$"""{ "field": "ip", "operation": "{{operation}}" }""",
                "<" or "<=" or ">" or ">=" => $$"""{ "field": "cpu", "operation": "{{operation}}", "value": 4 }""",
                _ => $$"""{ "field": "hostname", "operation": "{{operation}}", "value": "web" }""",
            };
            cases[$"filter {operation}"] = (Node("filter", parameters), BothAccept);
        }

        cases["filter operation like"] = (Node("filter", """{ "field": "hostname", "operation": "like", "value": "web" }"""), BothRefuse);
        cases["filter = without a value"] = (Node("filter", """{ "field": "hostname", "operation": "=" }"""), BothRefuse);
        cases["filter empty with an empty value"] = (Node("filter", """{ "field": "ip", "operation": "empty", "value": "" }"""), BothAccept);
        cases["filter empty with a value"] = (Node("filter", """{ "field": "ip", "operation": "empty", "value": "x" }"""), BothRefuse);
        cases["filter notEmpty with value 0"] = (Node("filter", """{ "field": "ip", "operation": "notEmpty", "value": 0 }"""), BothRefuse);
        cases["filter contains a number"] = (Node("filter", """{ "field": "hostname", "operation": "contains", "value": 5 }"""), BothAccept);
        cases["filter contains a boolean"] = (Node("filter", """{ "field": "hostname", "operation": "contains", "value": true }"""), BothRefuse);
        cases["filter < a boolean"] = (Node("filter", """{ "field": "cpu", "operation": "<", "value": false }"""), BothRefuse);
        cases["filter < a field"] = (Node("filter", """{ "field": "cpu", "operation": "<", "value": "{{ram}}" }"""), BothAccept);
        cases["filter = a boolean on a string"] = (Node("filter", """{ "field": "hostname", "operation": "=", "value": true }"""), OnlyValidateRefuses);
        cases["filter startsWith on a number"] = (Node("filter", """{ "field": "cpu", "operation": "startsWith", "value": "4" }"""), OnlyValidateRefuses);
        cases["filter matches an invalid regex"] = (Node("filter", """{ "field": "hostname", "operation": "matches", "value": "(" }"""), OnlyValidateRefuses);
        cases["filter on a path with spaces around it"] = (Node("filter", """{ "field": " charges.amount ", "operation": ">", "value": 10 }"""), BothAccept);
        cases["filter on a path with a space inside"] = (Node("filter", """{ "field": "charges. amount", "operation": ">", "value": 10 }"""), BothRefuse);
        cases["filter on an unknown field"] = (Node("filter", """{ "field": "hostnme", "operation": "=", "value": "x" }"""), OnlyValidateRefuses);
    }

    private static void AddDocumentCases(Dictionary<string, (string, Verdict)> cases)
    {
        var valid = Node("addField", """{ "as": "label", "value": "x" }""");
        cases["an empty name"] = (Edit(valid, d => d["name"] = ""), BothAccept);
        cases["no name"] = (Edit(valid, d => d.Remove("name")), BothRefuse);
        cases["a name that is a number"] = (Edit(valid, d => d["name"] = 5), BothRefuse);
        cases["a name with a control character"] = (Edit(valid, d => d["name"] = "bad\u0007name"), BothRefuse);
        cases["a name with tab and line breaks"] = (Edit(valid, d => d["name"] = "a\tb\r\nc"), BothAccept);
        cases["a description"] = (Edit(valid, d => d["description"] = "what it does"), BothAccept);
        cases["a description that is an object"] = (Edit(valid, d => d["description"] = new JsonObject()), BothRefuse);
        cases["meta that is a number"] = (Edit(valid, d => d["meta"] = 5), BothAccept);
        cases["meta that is an array"] = (Edit(valid, d => d["meta"] = new JsonArray(1, "two", null)), BothAccept);
        cases["meta that is null"] = (Edit(valid, d => d["meta"] = null), BothAccept);
        cases["meta that is a string"] = (Edit(valid, d => d["meta"] = "kept"), BothAccept);
        cases["meta with values of every kind"] = (Edit(valid, d => d["meta"] = JsonNode.Parse("""{ "n": 1, "a": [true], "z": null, "o": { "s": "x" } }""")), BothAccept);
        cases["format flowc/2"] = (Edit(valid, d => d["format"] = "flowc/2"), BothRefuse);
        cases["no format"] = (Edit(valid, d => d.Remove("format")), BothRefuse);
        cases["an id with upper case"] = (Edit(valid, d => d["id"] = "Test-flow"), BothRefuse);
        cases["an id starting with a hyphen"] = (Edit(valid, d => d["id"] = "-test"), BothRefuse);
        cases["an id of 64 characters"] = (Edit(valid, d => d["id"] = new string('a', 64)), BothAccept);
        cases["an id of 65 characters"] = (Edit(valid, d => d["id"] = new string('a', 65)), BothRefuse);
        cases["an id with a trailing line break"] = (Edit(valid, d => d["id"] = "test\n"), BothRefuse);
        cases["an unknown top-level property"] = (Edit(valid, d => d["version"] = 2), BothRefuse);
        cases["no edges"] = (Edit(valid, d => d.Remove("edges")), BothRefuse);
        cases["a node id with a dot"] = (Edit(valid, d => Nodes(d)[1]!["id"] = "a.b"), BothRefuse);
        cases["a node id of 64 characters"] = (Node("addField", """{ "as": "label", "value": "x" }""", id: new string('n', 64)), BothAccept);
        cases["a node with an unknown property"] = (Edit(valid, d => Nodes(d)[1]!["retries"] = 3), BothRefuse);
        cases["a node without parameters"] = (Edit(valid, d => Nodes(d)[1]!.AsObject().Remove("parameters")), BothRefuse);
        cases["a node type in the wrong case"] = (Edit(valid, d => Nodes(d)[1]!["type"] = "AddField"), BothRefuse);
        cases["a position"] = (Edit(valid, d => Nodes(d)[1]!["position"] = JsonNode.Parse("""{ "x": 1.5, "y": -2 }""")), BothAccept);
        cases["a position without y"] = (Edit(valid, d => Nodes(d)[1]!["position"] = JsonNode.Parse("""{ "x": 1 }""")), BothRefuse);
        cases["a position with z"] = (Edit(valid, d => Nodes(d)[1]!["position"] = JsonNode.Parse("""{ "x": 1, "y": 2, "z": 3 }""")), BothRefuse);
        cases["a position that is text"] = (Edit(valid, d => Nodes(d)[1]!["position"] = JsonNode.Parse("""{ "x": "1", "y": 2 }""")), BothRefuse);
        cases["no trigger"] = (Edit(valid, d => Nodes(d).RemoveAt(0)), BothRefuse);
        cases["two triggers"] = (Edit(valid, d => Nodes(d).Add(JsonNode.Parse("""{ "id": "again", "type": "event", "parameters": { "event": "server.stop" } }"""))), BothRefuse);
        cases["an edge with an unknown property"] = (Edit(valid, d => d["edges"]![0]!["weight"] = 1), BothRefuse);
        cases["an edge without to"] = (Edit(valid, d => d["edges"]![0]!.AsObject().Remove("to")), BothRefuse);
        cases["an edge from port maybe"] = (Edit(valid, d => d["edges"]![0]!["port"] = "maybe"), BothRefuse);
    }

    private static void AddTemplateAndTypeCases(Dictionary<string, (string, Verdict)> cases)
    {
        string Hook(string url) => Node("webhook", $$"""{ "url": "{{url}}", "method": "GET" }""");

        cases["an upper-case URL scheme"] = (Hook("HTTPS://noc.example.com/hooks/{{id}}"), BothAccept);
        cases["a mixed-case URL scheme"] = (Hook("Http://noc.example.com"), BothAccept);
        cases["a URL with port, query and fragment"] = (Hook("https://noc.example.com:8443/a?b={{id}}#c"), BothAccept);
        cases["an ftp URL"] = (Hook("ftp://noc.example.com/x"), BothRefuse);
        cases["a relative URL"] = (Hook("/hooks/{{id}}"), BothRefuse);
        cases["a hole in the URL's host"] = (Hook("https://{{node}}.example.com/x"), BothRefuse);
        cases["a hole right after the host"] = (Hook("https://noc.example.com{{id}}"), BothRefuse);
        cases["a URL with a trailing line break"] = (Hook("https://noc.example.com\\n"), BothRefuse);
        cases["a header name with a trailing line break"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "GET", "headers": { "X-Id\n": "1" } }"""), BothRefuse);
        cases["a space in the URL's host"] = (Hook("https://noc example.com/x"), BothRefuse);
        cases["credentials in the URL"] = (Hook("https://user@noc.example.com/x"), OnlyValidateRefuses);
        cases["a header name with a space"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "GET", "headers": { "X Bad": "1" } }"""), BothRefuse);
        cases["a header value that is a number"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "GET", "headers": { "X-Id": 1 } }"""), BothRefuse);
        cases["an empty content type"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "POST", "contentType": "" }"""), BothRefuse);
        cases["text/plain content"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "POST", "contentType": "text/plain", "content": "{{hostname}} {" }"""), BothAccept);
        cases["a content type that is not a media type"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "POST", "contentType": "json please" }"""), OnlyValidateRefuses);
        cases["a JSON body that is not JSON"] = (Node("webhook", """{ "url": "https://noc.example.com", "method": "POST", "content": "{\"id\": {{id}}" }"""), OnlyValidateRefuses);
        cases["an unknown field in a template"] = (Node("sendMail", """{ "to": "a@example.com", "subject": "{{hostnme}}", "content": "c" }"""), OnlyValidateRefuses);
        cases["an unclosed hole"] = (Node("sendMail", """{ "to": "a@example.com", "subject": "{{hostname", "content": "c" }"""), OnlyValidateRefuses);
        cases["a Scriban expression"] = (Node("addField", """{ "as": "gb", "value": "{{ ram / 1024 }} GB" }"""), BothAccept);
        cases["a Scriban syntax error"] = (Node("addField", """{ "as": "gb", "value": "{{ ram / }}" }"""), OnlyValidateRefuses);
        cases["a template with a control character"] = (Node("addField", """{ "as": "label", "value": "a\u0001b" }"""), BothRefuse);
        cases["a sensitive field sent out (a warning)"] = (TestFlows.Chain("account.login", ("mail", "sendMail", """{ "to": "a@example.com", "subject": "s", "content": "{{password}}" }""")), BothAccept);
        cases["an as name starting with a digit"] = (Node("addField", """{ "as": "1label", "value": "x" }"""), BothRefuse);
        cases["an as name that shadows a field"] = (Node("addField", """{ "as": "hostname", "value": "x" }"""), OnlyValidateRefuses);
        cases["a join of a text field"] = (Node("loadTags", """{ "for": "server", "inputField": "hostname", "as": "tags" }"""), OnlyValidateRefuses);
        cases["an example response that is text"] = (Node("rest", """{ "url": "https://a.example.com", "method": "GET", "exampleResponse": "ok", "as": "r" }"""), BothRefuse);
        cases["an example response that is an empty array"] = (Node("rest", """{ "url": "https://a.example.com", "method": "GET", "exampleResponse": [], "as": "r" }"""), OnlyValidateRefuses);
    }

    private static void AddGraphCases(Dictionary<string, (string, Verdict)> cases)
    {
        var two = TestFlows.Chain(Event, ("a", "addField", """{ "as": "a", "value": "x" }"""), ("b", "addField", """{ "as": "b", "value": "y" }"""));
        cases["two nodes with one id"] = (Edit(two, d => Nodes(d)[2]!["id"] = "a"), OnlyValidateRefuses);
        cases["an edge to an unknown node"] = (Edit(two, d => d["edges"]![1]!["to"] = "c"), OnlyValidateRefuses);
        cases["a node with two incoming edges"] = (Edit(two, d => d["edges"]!.AsArray().Add(JsonNode.Parse("""{ "from": "trigger", "to": "b" }"""))), OnlyValidateRefuses);
        cases["an unreachable node"] = (Edit(two, d => d["edges"]!.AsArray().RemoveAt(1)), OnlyValidateRefuses);
        cases["a cycle"] = (Edit(two, d => d["edges"]![0]!["from"] = "b"), OnlyValidateRefuses);
        cases["an edge into the trigger"] = (Edit(two, d => d["edges"]!.AsArray().Add(JsonNode.Parse("""{ "from": "b", "to": "trigger" }"""))), OnlyValidateRefuses);
        cases["a true port on an addField"] = (Edit(two, d => d["edges"]![1]!["port"] = "true"), OnlyValidateRefuses);
        cases["a duplicate property"] = (two.Replace("\"name\": \"Test flow\",", "\"name\": \"Test flow\", \"name\": \"Again\",", StringComparison.Ordinal), OnlyValidateRefuses);
    }

    private static string Node(string type, string parameters, string id = "n") => TestFlows.Chain(Event, (id, type, parameters));

    private static string With(string parameters, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(parameters)!.AsObject();
        edit(json);
        return json.ToJsonString();
    }

    private static string Edit(string flow, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(flow)!.AsObject();
        edit(json);
        return json.ToJsonString();
    }

    private static JsonArray Nodes(JsonObject document) => document["nodes"]!.AsArray();
}
