using System.Text;
using System.Text.Json;
using FlowCompiler.Generator.Validation;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Language;

/// <summary>
/// Text that System.Text.Json cannot read (an escaped lone surrogate, a control character) is reported once where
/// it is, never as an exception and never again as a "missing" property.
/// </summary>
public class UnreadableTextTests
{
    private const string Lone = "\\uDFAA";

    [Theory]
    [InlineData("\\u0000")]
    [InlineData(Lone)]
    public void A_bad_character_in_the_name_is_the_only_diagnostic(string character)
    {
        var json = Chain("server.created").Replace("\"Test flow\"", $"\"Test{character}flow\"", StringComparison.Ordinal);

        var d = Assert.Single(Validate(json).Diagnostics);

        Assert.Equal(("FLOW0035", "$.name"), (d.Code, d.Path));
    }

    [Theory]
    [InlineData("\"format\": \"flowc/1\"", "\"format\": \"flowc" + Lone + "\"", "$.format")]
    [InlineData("\"id\": \"test-flow\"", "\"id\": \"test" + Lone + "\"", "$.id")]
    [InlineData("\"type\": \"addField\"", "\"type\": \"add" + Lone + "\"", "$.nodes[1].type")]
    [InlineData("\"as\": \"x\"", "\"as\": \"x" + Lone + "\"", "$.nodes[1].parameters.as")]
    [InlineData("\"name\": \"Test flow\"", "\"name\": 5", "$.name")]
    public void A_property_that_is_present_but_unreadable_is_not_also_missing(string original, string broken, string path)
    {
        var json = Chain("server.created", ("a", "addField", """{ "as": "x", "value": "v" }""")).Replace(original, broken, StringComparison.Ordinal);

        var d = Assert.Single(Validate(json).Diagnostics);

        Assert.Equal(path, d.Path);
    }

    [Fact]
    public void A_node_id_with_a_bad_character_still_connects_to_the_edges_that_name_it()
    {
        var json = Chain("server.created", ("a", "addField", """{ "as": "x", "value": "v" }""")).Replace("\"a\"", $"\"a{Lone}\"", StringComparison.Ordinal);

        var diagnostics = Validate(json).Diagnostics;

        Assert.Equal(["FLOW0035 $.nodes[1].id", "FLOW0035 $.edges[0].to"], diagnostics.Select(d => $"{d.Code} {d.Path}"));
    }

    [Theory]
    [InlineData("\"meta\": { \"note\": \"x" + Lone + "\" }", "$.meta.note")]
    [InlineData("\"meta\": { \"a" + Lone + "\": 1 }", "$.meta")]
    [InlineData("\"meta\": [[{ \"deep\": [\"" + Lone + "\"] }]]", "$.meta[0][0].deep[0]")]
    public void Meta_with_a_lone_surrogate_is_reported_where_it_is(string meta, string path)
    {
        var json = Chain("server.created").Replace("\"edges\": []", "\"edges\": [], " + meta, StringComparison.Ordinal);

        var d = Assert.Single(Validate(json).Diagnostics);

        Assert.Equal(("FLOW0035", path), (d.Code, d.Path));
    }

    [Fact]
    public void An_example_response_with_a_lone_surrogate_is_reported_on_its_node()
    {
        var json = Chain("server.created", ("r", "rest", $$"""{ "url": "https://x.example.com/", "method": "GET", "exampleResponse": { "v{{Lone}}": "x" }, "as": "resp" }"""));

        var d = Assert.Single(Validate(json).Diagnostics);

        Assert.Equal(("FLOW0035", "r", "$.nodes[1].parameters.exampleResponse"), (d.Code, d.NodeId, d.Path));
    }

    [Fact]
    public void A_bad_property_name_beside_a_missing_parameter_or_before_the_node_id_does_not_throw()
    {
        var json = Flow("account.login",
            $$"""{ "{{Lone}}": 1, "id": "m", "type": "sendMail", "parameters": { "{{Lone}}": "x", "subject": "s", "content": "c" } }""",
            """{ "from": "trigger", "to": "m" }""");

        var diagnostics = Validate(json).Diagnostics;

        Assert.Equal(["FLOW0035 $.nodes[1]", "FLOW0035 $.nodes[1].parameters", "FLOW0005 $.nodes[1].parameters.to"], diagnostics.Select(d => $"{d.Code} {d.Path}"));
    }

    // Every string and every property name of every sample, in turn, gets a lone surrogate.
    [Fact]
    public void A_lone_surrogate_in_any_string_or_name_of_a_sample_is_reported_and_never_throws()
    {
        foreach (var file in SampleFiles)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (start, isName) in StringTokens(bytes))
            {
                var broken = Encoding.UTF8.GetString(bytes).Insert(start + 1, Lone);

                var result = FlowValidator.Validate(broken);

                Assert.Contains(result.Diagnostics, d => d.Code == "FLOW0035");
                Assert.True(isName || !result.Diagnostics.Any(d => d.Code == "FLOW0005"), $"{Path.GetFileName(file)} at {start}: {string.Join("\n", result.Diagnostics)}");
            }
        }
    }

    // The samples are ASCII, so byte offsets are character offsets.
    private static List<(int Start, bool IsName)> StringTokens(byte[] utf8)
    {
        var tokens = new List<(int, bool)>();
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                tokens.Add(((int)reader.TokenStartIndex, reader.TokenType == JsonTokenType.PropertyName));
            }
        }

        return tokens;
    }
}
