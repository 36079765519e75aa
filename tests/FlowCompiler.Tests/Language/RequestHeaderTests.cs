using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Language;

/// <summary>What a flow may put in a <c>rest</c> or <c>webhook</c> request's headers and content type, checked when it is validated.</summary>
public sealed class RequestHeaderTests
{
    [Theory]
    [InlineData("webhook", "Content-Length", "is set by the HTTP transport, not by the flow: it is computed from the body")]
    [InlineData("webhook", "content-type", "set the node's contentType instead")]
    [InlineData("rest", "Host", "the host comes from the URL")]
    [InlineData("rest", "Transfer-Encoding", "is set by the HTTP transport")]
    [InlineData("webhook", "Connection", "is set by the HTTP transport")]
    [InlineData("webhook", "Keep-Alive", "is set by the HTTP transport")]
    [InlineData("webhook", "TE", "is set by the HTTP transport")]
    public void A_header_the_transport_sets_is_refused_at_the_node(string type, string header, string expected)
    {
        var result = Validate(Request(type, $$"""{ "{{header}}": "x" }"""));

        var error = Assert.Single(result.Diagnostics, d => d.Code == "FLOW0037");
        Assert.Equal(("n", Generator.Model.JsonPathText.Property("$.nodes[1].parameters.headers", header)), (error.NodeId, error.Path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Panel-Server")]
    [InlineData("Content-Language")]
    [InlineData("Accept")]
    public void Other_headers_are_the_flows_to_set(string header) =>
        Assert.Empty(Validate(Request("webhook", $$$"""{ "{{{header}}}": "{{id}}" }""")).Diagnostics);

    [Theory]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    public void A_charset_other_than_utf8_is_refused_because_the_body_is_utf8(string contentType)
    {
        var result = Validate(Request("webhook", "{}", contentType));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("FLOW0036", "$.nodes[1].parameters.contentType"), (error.Code, error.Path));
        Assert.Contains("always sent as UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("text/plain; charset=\"UTF-8\"")]
    public void Text_without_a_charset_or_with_utf8_is_fine(string contentType) =>
        Assert.Empty(Validate(Request("webhook", "{}", contentType)).Diagnostics);

    private static string Request(string type, string headers, string contentType = "application/json")
    {
        var rest = type == "rest" ? """, "exampleResponse": { "ok": true }, "as": "answer" """ : "";
        return Chain("server.created", ("n", type, $$$"""
            { "url": "https://hooks.example.com/servers/{{id}}", "method": "POST", "contentType": {{{System.Text.Json.JsonSerializer.Serialize(contentType)}}},
              "content": "{}", "headers": {{{headers}}}{{{rest}}} }
            """));
    }
}
