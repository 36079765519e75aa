using System.Text;
using FlowCompiler.Generator.Validation;
using static FlowCompiler.Tests.Language.TestFlows;

namespace FlowCompiler.Tests.Language;

/// <summary>Hostile and broken files get a clear diagnostic, never an exception, a stack overflow or a hang.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"format\": \"flowc/1\",}")]
    [InlineData("\uFEFF{}")]
    [InlineData("{\"format\": \"flowc/1\"} trailing")]
    public void Malformed_documents_get_diagnostics(string json)
    {
        var result = FlowValidator.Validate(json);

        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
    }

    [Fact]
    public void Malformed_json_names_line_and_column()
    {
        var d = Assert.Single(FlowValidator.Validate("{\n  \"format\": \"flowc/1\",\n  \"id\": x\n}").Diagnostics);

        Assert.Equal("FLOW0001", d.Code);
        Assert.Contains("line 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_file_is_refused_by_size()
    {
        var big = new byte[50 * 1024 * 1024];
        Array.Fill(big, (byte)' ');

        var d = Assert.Single(FlowValidator.Validate(big).Diagnostics);
        Assert.Equal("FLOW0002", d.Code);
        Assert.Contains("MiB", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nodes_are_refused_by_count()
    {
        var nodes = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $$"""{ "id": "n{{i}}", "type": "addField", "parameters": { "as": "f{{i}}", "value": "x" } }"""));

        var result = Validate(Flow("server.created", nodes, ""));

        Assert.Contains(result.Diagnostics, d => d.Code == "FLOW0002" && d.Message.Contains("10001 nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_chain_within_the_limit_validates_without_deep_recursion_trouble()
    {
        var nodes = Enumerable.Range(0, 1999).Select(i => ($"n{i}", "addField", $$$"""{ "as": "f{{{i}}}", "value": "{{hostname}}" }""")).ToArray();

        var result = Validate(Chain("server.created", nodes));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(2000, result.Flow!.Nodes.Length);
    }

    [Fact]
    public void Thousand_deep_meta_is_refused_by_depth()
    {
        var meta = new string('[', 1000) + new string(']', 1000);
        var json = Flow("server.created", "", "").Replace("\"edges\": []", "\"edges\": [], \"meta\": " + meta, StringComparison.Ordinal);

        var d = Assert.Single(Validate(json).Diagnostics);
        Assert.Equal("FLOW0002", d.Code);
    }

    [Theory]
    [InlineData("\\u0000", "FLOW0035")]
    [InlineData("\\u001b[31m", "FLOW0035")]
    [InlineData("\\ud800", "FLOW0035")]
    public void Odd_characters_in_strings_are_reported(string text, string code)
    {
        var d = Assert.Single(Validate(Chain("server.created", ("a", "addField", $$"""{ "as": "x", "value": "a{{text}}b" }"""))).Diagnostics);

        Assert.Equal((code, "a"), (d.Code, d.NodeId));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    [InlineData("")]
    [InlineData("a/b")]
    public void Odd_node_ids_are_reported(string id)
    {
        var result = Validate(Flow("server.created", $$"""{ "id": "{{id}}", "type": "addField", "parameters": { "as": "x", "value": "v" } }""", $$"""{ "from": "trigger", "to": "{{id}}" }"""));

        Assert.Contains(result.Diagnostics, d => d.Code == "FLOW0008");
    }

    [Fact]
    public void Duplicate_json_properties_are_reported()
    {
        var json = Chain("server.created", ("a", "addField", """{ "as": "x", "as": "y", "value": "v" }"""));

        Assert.Contains(Validate(json).Diagnostics, d => d.Code == "FLOW0001" && d.NodeId == "a");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        var sample = Encoding.UTF8.GetBytes(File.ReadAllText(SampleFiles.First()));
        for (var i = 0; i < 500; i++)
        {
            var mutated = (byte[])sample.Clone();
            for (var j = 0; j < 1 + (i % 8); j++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var result = FlowValidator.Validate(mutated);
            Assert.All(result.Diagnostics, d => Assert.StartsWith("FLOW", d.Code, StringComparison.Ordinal));
        }
    }
}
