using System.Text.Json;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Compiler;
using FlowCompiler.Tests.Interpretation;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Templates;

/// <summary>
/// Scriban holes render the same compiled and interpreted: in JSON value position as the JSON value of their
/// static type (spec §4), with arrays a filter narrowed seen as their matching element, and a value JSON cannot
/// hold failing the node instead of breaking the body.
/// </summary>
public sealed class ScriptRenderingTests
{
    private static async Task<(RunResult Compiled, RunResult Interpreted)> RunBoth(string json)
    {
        var compiled = CompilerTestFlows.Load(json);
        var interpreter = new FlowInterpreter(CompilerTestFlows.Bind(json).Flow);
        var payload = CompilerTestFlows.SampleEvent("server.created");
        try
        {
            var expected = await compiled.RunAsync(payload, new InMemoryFlowServices());
            var actual = await interpreter.RunAsync(payload, new InMemoryFlowServices());
            Assert.Equal(RunRecord.Describe(expected), RunRecord.Describe(actual));
            return (expected, actual);
        }
        finally
        {
            compiled.Unload();
        }
    }

    private static string Webhook(string body) => Chain("server.created",
        ("w", "webhook", $$"""{ "url": "https://hooks.example.com/x", "method": "POST", "content": {{JsonSerializer.Serialize(body)}} }"""));

    [Fact]
    public async Task An_expression_in_JSON_value_position_renders_as_the_JSON_value_of_its_type()
    {
        var (run, _) = await RunBoth(Webhook("""
            {"gb": {{ ram / 1024 }}, "third": {{ ram / 3000 }}, "flag": {{ cpu > 2 }}, "cores": {{ cpu * 2 }},
             "host": {{ hostname | string.upcase }}, "amounts": {{ charges | array.map "amount" }},
             "big": {{ charges | array.map "amount" | array.sort | array.last }}, "mixed": {{ cpu > 2 ? 1 : "x" }},
             "next": {{ createdAt | date.add_days 30 }}, "none": {{ ip ?? null }}, "year": {{ createdAt.year }}}
            """));

        var body = JsonDocument.Parse(Assert.IsType<HttpRequestSpec>(Assert.Single(run.Effects)).Content!).RootElement;
        Assert.Equal(8, body.GetProperty("gb").GetDecimal());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("third").ValueKind);
        Assert.Equal(JsonValueKind.True, body.GetProperty("flag").ValueKind);
        Assert.Equal(8, body.GetProperty("cores").GetInt32());
        Assert.Equal("UBUNTU-2204", body.GetProperty("host").GetString());
        Assert.Equal([7.5m, 12.9m, 2m], body.GetProperty("amounts").EnumerateArray().Select(e => e.GetDecimal()));
        Assert.Equal(12.9m, body.GetProperty("big").GetDecimal());
        Assert.Equal("1", body.GetProperty("mixed").GetString());
        Assert.Equal("2024-03-24T18:00:25Z", body.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("none").ValueKind);
        Assert.Equal(2024, body.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_number_JSON_cannot_hold_fails_the_node_with_the_expression_named()
    {
        var (run, _) = await RunBoth(Webhook("""{"ratio": {{ ram / 0 }}}"""));

        Assert.Equal(NodeStatus.Failed, run.Node("w").Status);
        Assert.Contains("ram / 0", run.Node("w").Error, StringComparison.Ordinal);
        Assert.Empty(run.Effects);
    }

    [Fact]
    public async Task A_datetime_result_renders_as_ISO_8601_in_text_too()
    {
        var (run, _) = await RunBoth(Chain("server.created",
            ("m", "sendMail", """{ "to": "ops@example.org", "subject": "due {{ createdAt | date.add_months 1 }}", "content": "c" }""")));

        Assert.Equal("due 2024-03-23T18:00:25Z", Assert.IsType<MailRequest>(Assert.Single(run.Effects)).Subject);
    }

    [Fact]
    public async Task An_array_inside_an_output_that_a_filter_narrowed_is_its_matching_element_in_expressions()
    {
        var (run, _) = await RunBoth(Chain("server.created",
            ("r", "rest", """{ "url": "https://ipam.example.com/x", "method": "GET", "exampleResponse": { "items": [ { "name": "a" }, { "name": "b" } ] }, "as": "r" }"""),
            ("f-b", "filter", """{ "field": "r.items.name", "operation": "=", "value": "b" }"""),
            ("m", "sendMail", """{ "to": "ops@example.org", "subject": "{{r.items.name}} {{ r.items.name | string.upcase }}", "content": "c" }""")));

        Assert.Equal("b B", Assert.IsType<MailRequest>(Assert.Single(run.Effects)).Subject);
    }

    [Fact]
    public async Task A_step_from_a_missing_row_gives_null_as_a_plain_path_does()
    {
        var (run, _) = await RunBoth(Chain("server.created",
            ("owner", "dbJoin", """{ "from": "users", "inputField": "userid", "joinField": "id", "as": "owner" }"""),
            ("m", "sendMail", """{ "to": "ops@example.org", "subject": "[{{owner.email}}] [{{ owner.email | string.upcase }}] [{{ owner.email ?? \"nobody\" }}]", "content": "c" }""")));

        Assert.Equal("[] [] [nobody]", Assert.IsType<MailRequest>(Assert.Single(run.Effects)).Subject);
    }
}
