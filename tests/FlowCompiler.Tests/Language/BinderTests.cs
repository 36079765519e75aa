using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Language;

public class BinderTests
{
    [Fact]
    public void Siblings_do_not_see_each_others_outputs()
    {
        var json = Flow("server.created", """
            { "id": "a", "type": "addField", "parameters": { "as": "first", "value": "x" } },
            { "id": "b", "type": "addField", "parameters": { "as": "second", "value": "{{first}}" } }
            """, """{ "from": "trigger", "to": "a" }, { "from": "trigger", "to": "b" }""");

        var d = Assert.Single(Validate(json).Diagnostics);
        Assert.Equal(("FLOW0019", "b"), (d.Code, d.NodeId));
    }

    [Fact]
    public void Outputs_on_the_path_are_typed()
    {
        var flow = Validate(Chain("server.created",
            ("owner", "dbJoin", """{ "from": "users", "inputField": "userid", "joinField": "id", "as": "owner" }"""),
            ("siblings", "dbJoin", """{ "from": "servers", "inputField": "userid", "joinField": "userid", "as": "siblings" }"""),
            ("tags", "loadTags", """{ "for": "server", "inputField": "id", "as": "tags" }"""),
            ("ip", "ipam", """{ "family": "ipv6", "node": "{{node}}", "as": "net" }"""),
            ("vlan", "rest", """{ "url": "https://ipam.example.com/vlans?node={{node}}", "method": "GET", "exampleResponse": { "vlan": { "id": 120, "rate": 1.5, "up": true, "note": null }, "items": [ { "name": "a" } ] }, "as": "vlan" }"""),
            ("m", "sendMail", """{ "to": "{{owner.email}}", "subject": "{{vlan.vlan.id}} {{net.prefix}}", "content": "{{siblings.hostname}} {{tags.name}} {{vlan.items.name}}" }"""))).Flow!;

        var scope = flow.Nodes.Single(n => n.Id == "m").Scope;
        Assert.Equal("users row?", scope.Find("owner")!.Type.Display);
        Assert.Equal("array of servers row", scope.Find("siblings")!.Type.Display);
        Assert.Equal("array of tag", scope.Find("tags")!.Type.Display);
        Assert.Equal("IPv6 allocation", scope.Find("net")!.Type.Display);
        var vlan = (ObjectType)scope.Find("vlan")!.Type;
        var inner = (ObjectType)vlan.Find("vlan")!.Type;
        Assert.Equal(["int", "decimal", "bool", "string?"], inner.Fields.Select(f => f.Type.Display));
        Assert.Equal("array of items item", vlan.Find("items")!.Type.Display);

        var mail = (BoundSendMail)flow.Nodes.Single(n => n.Id == "m");
        var paths = mail.Content.Segments.OfType<FieldSegment>().Select(s => (s.Path.Text, s.Path.IsMany, s.Path.Type.Display)).ToList();
        Assert.Equal([("siblings.hostname", true, "string"), ("tags.name", true, "string"), ("vlan.items.name", true, "string")], paths);
        Assert.Equal("string?", ((FieldSegment)mail.To.Mailboxes[0].Address.Segments[0]).Path.Type.Display);
    }

    [Fact]
    public void A_filter_through_an_array_narrows_it_on_the_true_port_only()
    {
        var json = Flow("server.created", """
            { "id": "f", "type": "filter", "parameters": { "field": "charges.amount", "operation": ">", "value": 10 } },
            { "id": "yes", "type": "addField", "parameters": { "as": "a", "value": "{{charges.description}}" } },
            { "id": "no", "type": "addField", "parameters": { "as": "b", "value": "{{charges.description}}" } }
            """, """{ "from": "trigger", "to": "f" }, { "from": "f", "port": "true", "to": "yes" }, { "from": "f", "port": "false", "to": "no" }""");
        var flow = Validate(json).Flow!;

        var filter = (BoundFilter)flow.Nodes.Single(n => n.Id == "f");
        Assert.Equal(("charges", 0), (filter.Narrowing!.Root, filter.Narrowing.Prefix.Length));
        Assert.Equal(10m, ((ConstantOperand)filter.Operand!).Value);

        var yes = ((FieldSegment)((BoundAddField)flow.Nodes.Single(n => n.Id == "yes")).Value.Segments[0]).Path;
        var no = ((FieldSegment)((BoundAddField)flow.Nodes.Single(n => n.Id == "no")).Value.Segments[0]).Path;
        Assert.False(yes.IsMany);
        Assert.NotNull(yes.Narrowing);
        Assert.True(no.IsMany);
        Assert.Null(no.Narrowing);
    }

    [Theory]
    [InlineData("createdAt", ">", "\"2024-02-23T18:00:25Z\"", "DateTime")]
    [InlineData("cpu", ">=", "4", "Int64")]
    [InlineData("charges.amount", "<", "\"10.50\"", "Decimal")]
    [InlineData("hostname", "startsWith", "\"web\"", "String")]
    public void Filter_values_are_parsed_into_the_fields_type(string field, string op, string value, string clrType)
    {
        var flow = Validate(Chain("server.created", ("f", "filter", $$"""{ "field": "{{field}}", "operation": "{{op}}", "value": {{value}} }"""))).Flow!;

        var operand = (ConstantOperand)((BoundFilter)flow.Nodes[1]).Operand!;
        Assert.Equal(clrType, operand.Value.GetType().Name);
        if (operand.Value is DateTime time)
        {
            Assert.Equal(DateTimeKind.Utc, time.Kind);
        }
    }

    [Fact]
    public void A_filter_can_compare_two_fields_of_compatible_types()
    {
        var ok = Validate(Chain("server.created", ("f", "filter", """{ "field": "cpu", "operation": "<", "value": "{{ram}}" }""")));
        var bad = Validate(Chain("server.created", ("f", "filter", """{ "field": "cpu", "operation": "=", "value": "{{hostname}}" }""")));

        Assert.IsType<FieldOperand>(((BoundFilter)ok.Flow!.Nodes[1]).Operand);
        Assert.Equal("FLOW0030", Assert.Single(bad.Diagnostics).Code);
    }

    [Fact]
    public void Holes_are_escaped_for_where_they_land()
    {
        var flow = Validate(Chain("server.created",
            ("w", "webhook", """{ "url": "https://noc.example.com/s/{{id}}?h={{hostname}}", "method": "POST", "content": "{\"host\": \"{{hostname}}\", \"cpu\": {{cpu}}, \"ip\": {{ip}}}", "headers": { "X-Host": "{{hostname}}" } }"""),
            ("m", "sendMail", """{ "to": "a@example.com", "subject": "{{hostname}}", "content": "<b>{{hostname}}</b>", "html": true }"""),
            ("t", "webhook", """{ "url": "https://noc.example.com/", "method": "POST", "contentType": "text/plain", "content": "{{hostname}}" }"""))).Flow!;

        HoleEscape[] Escapes(BoundTemplate t) => [.. t.Segments.OfType<FieldSegment>().Select(s => s.Escape)];
        var webhook = ((BoundWebhook)flow.Nodes.Single(n => n.Id == "w")).Request;
        Assert.Equal([HoleEscape.UrlComponent, HoleEscape.UrlComponent], Escapes(webhook.Url));
        Assert.Equal([HoleEscape.JsonString, HoleEscape.JsonValue, HoleEscape.JsonValue], Escapes(webhook.Content!));
        Assert.Equal([HoleEscape.Header], Escapes(webhook.Headers[0].Value));
        var mail = (BoundSendMail)flow.Nodes.Single(n => n.Id == "m");
        Assert.Equal([HoleEscape.Header], Escapes(mail.Subject));
        Assert.Equal([HoleEscape.Html], Escapes(mail.Content));
        Assert.Equal([HoleEscape.None], Escapes(((BoundWebhook)flow.Nodes.Single(n => n.Id == "t")).Request.Content!));
    }

    [Theory]
    [InlineData("{{hostname}}/x")]
    [InlineData("https://{{hostname}}/x")]
    [InlineData("https://api.example.com{{hostname}}")]
    [InlineData("https://api.example.com:{{cpu}}/x")]
    [InlineData("javascript://x.example.com/")]
    [InlineData("https://user@evil.example.com/")]
    public void Event_data_can_never_choose_where_a_request_goes(string url)
    {
        var d = Validate(Chain("server.created", ("w", "webhook", $$"""{ "url": "{{url}}", "method": "GET" }"""))).Diagnostics;

        Assert.Contains(d, x => x.Code == "FLOW0025" && x.NodeId == "w");
    }

    [Theory]
    [InlineData("{\"a\": {{hostname}}}", true)]
    [InlineData("{\"a\": \"x{{hostname}}y\", \"b\": [{{cpu}}, {{ip}}]}", true)]
    [InlineData("{ {{hostname}}: 1 }", false)]
    [InlineData("{\"a\": 1{{cpu}}}", false)]
    [InlineData("{\"a\": \"{{hostname}}}", false)]
    [InlineData("[1, 2,]", false)]
    [InlineData("{\"a\": tru}", false)]
    public void Json_bodies_are_proven_valid_for_any_value(string body, bool valid)
    {
        var escaped = body.Replace("\"", "\\\"", StringComparison.Ordinal);
        var d = Validate(Chain("server.created", ("w", "webhook", $$"""{ "url": "https://x.example.com/", "method": "POST", "content": "{{escaped}}" }"""))).Diagnostics;

        Assert.Equal(valid, !d.Any(x => x.Code == "FLOW0026"));
    }

    [Fact]
    public void The_literal_braces_hole_is_text_and_scriban_holes_are_checked()
    {
        var flow = Validate(Chain("server.created",
            ("a", "addField", """{ "as": "x", "value": "{{ \"{{\" }} raw {{ ram / 1024 }} GB {{ createdAt | date.to_string \"%Y\" }}" }"""))).Flow!;

        var segments = ((BoundAddField)flow.Nodes[1]).Value.Segments;
        Assert.Equal("{{ raw ", ((LiteralSegment)segments[0]).Text);
        Assert.Equal(["ram"], ((ScriptSegment)segments[1]).Variables.Select(v => v.Name));
        Assert.Equal(["createdAt"], ((ScriptSegment)segments[3]).Variables.Select(v => v.Name));
    }

    [Fact]
    public void Modify_server_values_are_checked_per_action()
    {
        var missing = Validate(Chain("server.created", ("s", "modifyServer", """{ "serverId": "{{id}}", "component": "ha", "action": "setHaStatus", "group": "g1", "maxRelocates": 1 }""")));
        var range = Validate(Chain("server.created", ("s", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "changeVlanTag", "tag": 5000 }""")));
        var template = Validate(Chain("server.created", ("s", "modifyServer", """{ "serverId": "{{id}}", "component": "network", "action": "changeVlanTag", "tag": "{{cpu}}" }""")));

        Assert.Equal("FLOW0005", Assert.Single(missing.Diagnostics).Code);
        Assert.Equal("FLOW0036", Assert.Single(range.Diagnostics).Code);
        Assert.Empty(template.Diagnostics);
    }
}
