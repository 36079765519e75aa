using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Templates;

/// <summary>
/// Scriban expression holes are checked against the node's typed scope when the flow is validated (spec §4):
/// member paths, function names, argument types, and nothing that reaches outside the flow. Each case here
/// validated before and failed at every run.
/// </summary>
public sealed class ScriptHoleTests
{
    // A server flow with the server's owner (users row by id, so nullable) and a REST answer in scope.
    private static string ServerFlow(string subject) => Chain("server.created",
        ("owner", "dbJoin", """{ "from": "users", "inputField": "userid", "joinField": "id", "as": "owner" }"""),
        ("r", "rest", """{ "url": "https://ipam.example.com/vlans", "method": "GET", "exampleResponse": { "vlan": { "id": 120, "name": "customers" }, "vlanId": 5 }, "as": "r" }"""),
        ("m", "sendMail", $$"""{ "to": "ops@example.org", "subject": {{System.Text.Json.JsonSerializer.Serialize(subject)}}, "content": "c" }"""));

    private static IReadOnlyList<Generator.Diagnostics.FlowDiagnostic> Errors(string subject) =>
        [.. Validate(ServerFlow(subject)).Diagnostics.Where(d => d.Severity == Generator.Diagnostics.FlowSeverity.Error)];

    [Fact]
    public void A_misspelt_member_is_an_unknown_field_with_a_suggestion()
    {
        var d = Assert.Single(Errors("{{ owner.emial | string.upcase }}"));

        Assert.Equal("FLOW0019", d.Code);
        Assert.Equal("m", d.NodeId);
        Assert.Contains("did you mean \"owner.email\"", d.Message, StringComparison.Ordinal);
        Assert.Contains("username", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_in_a_member_name_is_explained_as_Scriban_reads_it()
    {
        var d = Assert.Single(Errors("{{ r.vlan-id }}"));

        Assert.Equal("FLOW0030", d.Code);
        Assert.Contains("r.vlan - id", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_through_an_array_has_no_fields_inside_an_expression()
    {
        var d = Assert.Single(Errors("{{ charges.amount | array.join \"+\" }}"));

        Assert.Equal("FLOW0030", d.Code);
        Assert.Contains("charges | array.map \"amount\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggested_map_form_validates_and_its_member_is_checked()
    {
        Assert.Empty(Errors("{{ charges | array.map \"amount\" | array.join \"+\" }}"));

        var d = Assert.Single(Errors("{{ charges | array.map \"amout\" | array.join \"+\" }}"));
        Assert.Equal("FLOW0019", d.Code);
        Assert.Contains("did you mean \"amount\"", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ hostname | string.upcse }}", "string.upcase")]
    [InlineData("{{ strng.upcase hostname }}", "string")]
    [InlineData("{{ createdAt | date.to_strin \"%Y\" }}", "date.to_string")]
    public void A_misspelt_function_or_namespace_is_reported_with_a_suggestion(string subject, string suggestion)
    {
        var d = Assert.Single(Errors(subject));

        Assert.Contains(d.Code, new[] { "FLOW0039", "FLOW0024" });
        Assert.Contains($"did you mean \"{suggestion}\"", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ include \"other\" }}", "include")]
    [InlineData("{{ include_join [\"a\"] \",\" }}", "include_join")]
    [InlineData("{{ object.eval \"1 + 1\" }}", "object")]
    [InlineData("{{ hostname | object.typeof }}", "object")]
    [InlineData("{{ date.now }}", "date.now")]
    [InlineData("{{ math.random 1 10 }}", "math.random")]
    [InlineData("{{ charges | array.each @string.upcase }}", "array.each")]
    [InlineData("{{ x = hostname }}", "assign")]
    [InlineData("{{ this }}", "this")]
    [InlineData("{{ import string }}", "one expression")]
    [InlineData("{{ capture x; hostname; end }}", "one expression")]
    [InlineData("{{ for c in charges; c.amount; end }}", "one expression")]
    [InlineData("{{ hostname; cpu }}", "one expression")]
    public void Anything_that_reaches_outside_the_flow_or_changes_state_is_refused(string subject, string named)
    {
        var d = Assert.Single(Errors(subject));

        Assert.Equal("FLOW0040", d.Code);
        Assert.Contains(named, d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ hostname | math.round }}")]
    [InlineData("{{ cpu | array.size }}")]
    [InlineData("{{ charges | string.upcase }}")]
    [InlineData("{{ createdAt + 1 }}")]
    [InlineData("{{ createdAt > 1 }}")]
    [InlineData("{{ charges | array.join \", \" }}")]
    [InlineData("{{ (owner) }}")]
    [InlineData("{{ charges | array.first }}")]
    public void Arguments_and_operands_of_the_wrong_type_are_incompatible(string subject) =>
        Assert.Equal("FLOW0030", Assert.Single(Errors(subject)).Code);

    [Theory]
    [InlineData("{{ string.upcase }}")]
    [InlineData("{{ hostname | string.truncate }}")]
    [InlineData("{{ cpu 2 }}")]
    public void Calls_with_the_wrong_number_of_arguments_or_of_a_non_function_are_reported(string subject) =>
        Assert.Equal("FLOW0039", Assert.Single(Errors(subject)).Code);

    [Theory]
    [InlineData("{{ owner.email | string.upcase }}")]
    [InlineData("{{ owner?.email ?? \"nobody\" }}")]
    [InlineData("{{ cpu > 2 ? \"big\" : \"small\" }}")]
    [InlineData("{{ charges[0].amount * 2 }}")]
    [InlineData("{{ charges | array.size }}")]
    [InlineData("{{ charges.size + hostname.size }}")]
    [InlineData("{{ charges | array.sort \"amount\" | array.map \"description\" | array.join \", \" }}")]
    [InlineData("{{ createdAt | date.add_days 30 | date.to_string \"%Y-%m-%d\" }}")]
    [InlineData("{{ createdAt.year }}")]
    [InlineData("{{ r.vlan.name | string.capitalize }}")]
    [InlineData("{{ r[\"vlanId\"] + 1 }}")]
    [InlineData("{{ hostname | regex.replace \"-\" \"_\" }}")]
    [InlineData("{{ $\"{hostname}-{cpu}\" }}")]
    [InlineData("{{ (ram / 1024) | math.round 1 }}")]
    [InlineData("{{ ip == empty }}")]
    [InlineData("{{ string.pluralize cpu \"core\" \"cores\" }}")]
    public void Expressions_over_the_scope_with_allowed_functions_validate(string subject) =>
        Assert.Empty(Errors(subject));

    [Fact]
    public void A_regex_literal_is_checked_when_the_flow_is_validated() =>
        Assert.Equal("FLOW0031", Assert.Single(Errors("{{ hostname | regex.replace \"([a-z\" \"\" }}")).Code);

    [Fact]
    public void A_block_across_several_holes_is_one_error_naming_its_parts()
    {
        var d = Assert.Single(Errors("{{ if cpu > 2 }}big{{ else }}small{{ end }}"));

        Assert.Equal("FLOW0040", d.Code);
        Assert.Contains("{{ if cpu > 2 }}", d.Message, StringComparison.Ordinal);
        Assert.Contains("{{ end }}", d.Message, StringComparison.Ordinal);
        Assert.Contains("? ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_end_is_part_of_a_block_not_an_unknown_field() =>
        Assert.Equal("FLOW0040", Assert.Single(Errors("a {{ end }} b")).Code);

    [Fact]
    public void A_filter_narrows_the_array_inside_expressions_too()
    {
        var json = Chain("server.created",
            ("f-addon", "filter", """{ "field": "charges.amount", "operation": ">", "value": "10" }"""),
            ("m", "sendMail", """{ "to": "ops@example.org", "subject": "{{ charges.description | string.upcase }}", "content": "{{ charges | array.size }}" }"""));

        var d = Assert.Single(Validate(json).Diagnostics);

        // Below the true port charges is the matching charge: its fields read directly, it is no array.
        Assert.Equal("FLOW0030", d.Code);
        Assert.Equal("$.nodes[2].parameters.content", d.Path);
    }

    [Fact]
    public void Reading_a_sensitive_field_in_an_expression_warns()
    {
        var json = Chain("account.login", ("w", "webhook", """{ "url": "https://x.example.com/", "method": "POST", "content": "{\"p\": {{ password | string.size }}}" }"""));

        Assert.Equal("FLOW0021", Assert.Single(Validate(json).Diagnostics).Code);
    }

    [Theory]
    [InlineData("ram / 1024", "decimal")]
    [InlineData("cpu * 2", "int")]
    [InlineData("cpu > 2 && ram > 1", "bool")]
    [InlineData("hostname | string.upcase", "string")]
    [InlineData("hostname | string.size", "int")]
    [InlineData("charges | array.map \"amount\"", "array of decimal")]
    [InlineData("cpu > 2 ? 1 : \"x\"", null)]
    public void The_static_type_of_an_expression_is_inferred(string code, string? type)
    {
        var flow = Validate(Chain("server.created", ("a", "addField", $$$"""{ "as": "x", "value": "{{ {{{code.Replace("\"", "\\\"", StringComparison.Ordinal)}}} }}" }"""))).Flow!;

        var segment = Assert.IsType<ScriptSegment>(Assert.Single(((BoundAddField)flow.Nodes[1]).Value.Segments));
        Assert.Equal(type, segment.Type?.Display);
    }
}
