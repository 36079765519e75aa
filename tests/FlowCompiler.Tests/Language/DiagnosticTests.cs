using FlowCompiler.Generator.Diagnostics;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Language;

/// <summary>Every diagnostic code, each triggered by a flow that breaks exactly one rule.</summary>
public class DiagnosticTests
{
    private const string Mail = """{ "to": "{{email}}", "subject": "Hi", "content": "Hello" }""";

    public static TheoryData<string, string, string?, string> Cases => new()
    {
        { "malformed JSON", "FLOW0001", null, """{ "format": "flowc/1", "id": "x", """ },
        { "too deep", "FLOW0002", null, Flow("server.created", "", "").Replace("\"edges\": []", "\"edges\": [], \"meta\": " + new string('[', 100) + new string(']', 100), StringComparison.Ordinal) },
        { "wrong format", "FLOW0003", null, Flow("server.created", "", "").Replace("flowc/1", "flowc/2", StringComparison.Ordinal) },
        { "unknown property", "FLOW0004", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "s", "content": "c", "cc": "x" }""")) },
        { "missing property", "FLOW0005", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "content": "c" }""")) },
        { "wrong JSON type", "FLOW0006", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": 5, "content": "c" }""")) },
        { "invalid flow id", "FLOW0007", null, Flow("server.created", "", "").Replace("\"test-flow\"", "\"Test Flow\"", StringComparison.Ordinal) },
        { "invalid node id", "FLOW0008", null, Chain("account.login", ("bad id!", "sendMail", Mail)) },
        { "duplicate node id", "FLOW0009", "m", Flow("account.login", $$"""{ "id": "m", "type": "sendMail", "parameters": {{Mail}} }, { "id": "m", "type": "sendMail", "parameters": {{Mail}} }""", """{ "from": "trigger", "to": "m" }""") },
        { "unknown node type", "FLOW0010", "m", Chain("account.login", ("m", "sendMial", Mail)) },
        { "two triggers", "FLOW0011", "t2", Flow("account.login", """{ "id": "t2", "type": "event", "parameters": { "event": "account.login" } }""", "") },
        { "edge into trigger", "FLOW0012", "trigger", Flow("account.login", $$"""{ "id": "m", "type": "sendMail", "parameters": {{Mail}} }""", """{ "from": "trigger", "to": "m" }, { "from": "m", "to": "trigger" }""") },
        { "two inputs", "FLOW0013", "m", Flow("account.login", $$"""{ "id": "a", "type": "addField", "parameters": { "as": "a", "value": "x" } }, { "id": "m", "type": "sendMail", "parameters": {{Mail}} }""", """{ "from": "trigger", "to": "a" }, { "from": "trigger", "to": "m" }, { "from": "a", "to": "m" }""") },
        { "unknown edge node", "FLOW0014", null, Flow("account.login", "", """{ "from": "trigger", "to": "nowhere" }""") },
        { "unknown port", "FLOW0015", "trigger", Flow("account.login", $$"""{ "id": "m", "type": "sendMail", "parameters": {{Mail}} }""", """{ "from": "trigger", "port": "true", "to": "m" }""") },
        { "unreachable", "FLOW0016", "m", Flow("account.login", $$"""{ "id": "m", "type": "sendMail", "parameters": {{Mail}} }""", "") },
        { "cycle", "FLOW0017", "a", Flow("account.login", """{ "id": "a", "type": "addField", "parameters": { "as": "a", "value": "x" } }, { "id": "b", "type": "addField", "parameters": { "as": "b", "value": "x" } }""", """{ "from": "a", "to": "b" }, { "from": "b", "to": "a" }""") },
        { "unknown event", "FLOW0018", "trigger", Flow("server.craeted", "", "") },
        { "unknown field", "FLOW0019", "f", Chain("server.created", ("f", "filter", """{ "field": "hostnme", "operation": "=", "value": "x" }""")) },
        { "as shadows", "FLOW0020", "a", Chain("server.created", ("a", "addField", """{ "as": "hostname", "value": "x" }""")) },
        { "sensitive sent", "FLOW0021", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "s", "content": "{{password}}" }""")) },
        { "unclosed hole", "FLOW0022", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "Hi {{name", "content": "c" }""")) },
        { "scriban syntax", "FLOW0023", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "{{ name | }}", "content": "c" }""")) },
        { "scriban unknown variable", "FLOW0024", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "{{ nmae | string.upcase }}", "content": "c" }""")) },
        { "hole in host", "FLOW0025", "w", Chain("server.created", ("w", "webhook", """{ "url": "https://{{hostname}}/x", "method": "GET" }""")) },
        { "invalid JSON body", "FLOW0026", "w", Chain("server.created", ("w", "webhook", """{ "url": "https://x.example.com/", "method": "POST", "content": "{\"a\": {{hostname}}{{cpu}} }" }""")) },
        { "invalid choice", "FLOW0027", "w", Chain("server.created", ("w", "webhook", """{ "url": "https://x.example.com/", "method": "FETCH" }""")) },
        { "operation not for type", "FLOW0028", "f", Chain("server.created", ("f", "filter", """{ "field": "cpu", "operation": "contains", "value": "4" }""")) },
        { "filter value type", "FLOW0029", "f", Chain("server.created", ("f", "filter", """{ "field": "cpu", "operation": ">", "value": "four" }""")) },
        { "object in template", "FLOW0030", "m", Chain("server.created", ("m", "sendMail", """{ "to": "a@example.com", "subject": "{{charges}}", "content": "c" }""")) },
        { "invalid regex", "FLOW0031", "f", Chain("server.created", ("f", "filter", """{ "field": "hostname", "operation": "matches", "value": "([a-z" }""")) },
        { "unknown table", "FLOW0032", "j", Chain("server.created", ("j", "dbJoin", """{ "from": "user", "inputField": "userid", "joinField": "id", "as": "owner" }""")) },
        { "empty example array", "FLOW0033", "r", Chain("server.created", ("r", "rest", """{ "url": "https://x.example.com/", "method": "GET", "exampleResponse": { "items": [] }, "as": "resp" }""")) },
        { "action of other component", "FLOW0034", "s", Chain("server.created", ("s", "modifyServer", """{ "serverId": "{{id}}", "component": "general", "action": "changeVlanTag", "tag": 5 }""")) },
        { "NUL in string", "FLOW0035", "a", Chain("server.created", ("a", "addField", """{ "as": "x", "value": "a\u0000b" }""")) },
        { "bad header name", "FLOW0036", "w", Chain("server.created", ("w", "webhook", """{ "url": "https://x.example.com/", "method": "GET", "headers": { "X Bad": "1" } }""")) },
        { "transport header", "FLOW0037", "w", Chain("server.created", ("w", "webhook", """{ "url": "https://x.example.com/", "method": "POST", "content": "{}", "headers": { "Content-Length": "2" } }""")) },
        { "hole beside an address", "FLOW0038", "m", Chain("account.login", ("m", "sendMail", """{ "to": "<{{email}}> {{name}}", "subject": "s", "content": "c" }""")) },
        { "unknown template function", "FLOW0039", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "{{ name | string.upcse }}", "content": "c" }""")) },
        { "template reaches outside the flow", "FLOW0040", "m", Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "{{ include \"header\" }}", "content": "c" }""")) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_reports_its_code_on_its_node(string rule, string code, string? nodeId, string json)
    {
        var result = Validate(json);

        var match = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(match is not null, $"{rule}: expected {code}, got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.Equal(nodeId, match!.NodeId);
        Assert.StartsWith("$", match.Path, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(match.Message));
        if (match.Severity == FlowSeverity.Error)
        {
            Assert.Null(result.Flow);
        }
        else
        {
            // A warning alone never stops a publish.
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == FlowSeverity.Error);
            Assert.NotNull(result.Flow);
        }
    }

    [Fact]
    public void Every_code_has_a_case()
    {
        var covered = Cases.Select(c => (string)c[1]).ToHashSet();
        var uncovered = DiagnosticCodes.All.Select(c => c.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(uncovered.Count == 0, "codes without a test case: " + string.Join(", ", uncovered));
        Assert.Equal(DiagnosticCodes.All.Count, DiagnosticCodes.All.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Unknown_field_lists_the_fields_and_suggests_the_closest()
    {
        var result = Validate(Chain("server.created", ("f", "filter", """{ "field": "hostnme", "operation": "=", "value": "x" }""")));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("$.nodes[1].parameters.field", d.Path);
        Assert.Contains("did you mean \"hostname\"", d.Message, StringComparison.Ordinal);
        Assert.Contains("vmid", d.Message, StringComparison.Ordinal);
        Assert.Contains("charges.amount", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_pass_reports_every_problem_and_does_not_cascade()
    {
        var json = Flow("server.created", """
            { "id": "a", "type": "addField", "parameters": { "as": "note", "value": "{{hostnme}}" } },
            { "id": "m", "type": "sendMail", "parameters": { "to": "{{note}}", "subject": "{{cpux}}", "content": "c", "bcc": "x" } },
            { "id": "w", "type": "webhook", "parameters": { "url": "ftp://x", "method": "GET" } }
            """, """{ "from": "trigger", "to": "a" }, { "from": "a", "to": "m" }, { "from": "trigger", "to": "w" }""");

        var codes = Validate(json).Diagnostics.Select(d => (d.Code, d.NodeId)).ToList();

        Assert.Equal([("FLOW0004", "m"), ("FLOW0019", "a"), ("FLOW0019", "m"), ("FLOW0025", "w")], codes.Order().ToList());
    }

    [Fact]
    public void Unclosed_hole_reports_its_column()
    {
        var d = Validate(Chain("account.login", ("m", "sendMail", """{ "to": "{{email}}", "subject": "Hi {{name", "content": "c" }"""))).Diagnostics.Single();

        Assert.Contains("line 1, column 4", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_inputs_names_both_sources()
    {
        var json = Flow("account.login", """{ "id": "a", "type": "addField", "parameters": { "as": "a", "value": "x" } }, { "id": "m", "type": "addField", "parameters": { "as": "b", "value": "x" } }""",
            """{ "from": "trigger", "to": "a" }, { "from": "trigger", "to": "m" }, { "from": "a", "to": "m" }""");

        var d = Validate(json).Diagnostics.Single(d => d.Code == "FLOW0013");

        Assert.Contains("\"trigger\"", d.Message, StringComparison.Ordinal);
        Assert.Contains("\"a\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sample_validates_clean()
    {
        foreach (var file in SampleFiles)
        {
            var result = Validate(File.ReadAllText(file));
            Assert.True(result.Diagnostics.IsEmpty, $"{Path.GetFileName(file)}:\n{string.Join("\n", result.Diagnostics)}");
            Assert.NotNull(result.Flow);
        }
    }
}
