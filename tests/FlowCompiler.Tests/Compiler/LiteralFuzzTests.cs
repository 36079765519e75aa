using System.Text.Json;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Compiler;

// The reader rejects NUL, other control characters (U+0085 included) and lone surrogates in flow text, so
// those reach generated code only as event data at run time; see RunTests for a hostile hostname.
public sealed class LiteralFuzzTests
{
    public static IEnumerable<object[]> HostileStrings() =>
    [
        ["quote \" and 'single'"],
        ["back\\slash \\u0041 \\\""],
        ["*/ end of comment /* start"],
        ["\n#line 1 \"evil.cs\"\nclass X {}"],
        ["line\u2028separator\u2029paragraph"],
        ["\"); System.Environment.Exit(1); //"],
        ["tab\tcr\rlf\n and crlf\r\n"],
        ["emoji 🚀 and ümlaut and \uFEFF bom"],
        ["} } } { { {"],
    ];

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task Hostile_text_in_every_text_parameter_compiles_and_renders_back_exactly(string hostile)
    {
        var text = JsonSerializer.Serialize(hostile);
        var json = $$$"""
            {
              "format": "flowc/1", "id": "fuzz", "name": {{{text}}},
              "nodes": [
                { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
                { "id": "same-name", "type": "filter", "parameters": { "field": "hostname", "operation": "=", "value": {{{text}}} } },
                { "id": "note", "type": "addField", "parameters": { "as": "note", "value": {{{text}}} } },
                { "id": "mail", "type": "sendMail", "parameters": { "to": "a@example.org", "subject": {{{text}}}, "content": {{{text}}} } },
                { "id": "ticket", "type": "createTicket", "parameters": { "title": {{{text}}}, "priority": "low", "creatorId": "{{userid}}", "content": "{{note}}" } }
              ],
              "edges": [
                { "from": "trigger", "to": "same-name" },
                { "from": "same-name", "port": "true", "to": "note" },
                { "from": "note", "to": "mail" },
                { "from": "note", "to": "ticket" }
              ]
            }
            """;
        var flow = CompilerTestFlows.Load(json);
        var payload = new Runtime.Events.ServerEvent { Hostname = hostile, Userid = 7 };

        var result = await flow.RunAsync(payload, new InMemoryFlowServices());

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal("true", result.Node("same-name").Port);
        var mail = Assert.IsType<MailRequest>(result.Effects[0]);
        Assert.Equal(hostile, mail.Content);
        var ticket = Assert.IsType<TicketRequest>(result.Effects[1]);
        Assert.Equal(hostile, ticket.Title);
        Assert.Equal(hostile, ticket.Content);
        Assert.Equal(7, ticket.CreatorId);
    }
}
