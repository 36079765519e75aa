using System.Text.Json;
using Json.Schema;

namespace FlowCompiler.Tests.Language;

/// <summary>The shipped JSON Schema, checked with a real validator against the samples and against broken flows.</summary>
public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(TestFlows.RepositoryRoot, "flows", "flow.schema.json"));

    [Fact]
    public void Every_sample_conforms_to_the_schema()
    {
        foreach (var file in TestFlows.SampleFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {JsonSerializer.Serialize(result)}");
        }
    }

    [Theory]
    [InlineData("\"format\": \"flowc/1\"", "\"format\": \"flowc/2\"")]
    [InlineData("\"type\": \"sendMail\"", "\"type\": \"sendMial\"")]
    [InlineData("\"subject\":", "\"subjekt\":")]
    [InlineData("\"nodes\":", "\"extra\": 1, \"nodes\":")]
    public void The_schema_rejects_broken_flows(string find, string replace)
    {
        var sample = File.ReadAllText(Path.Combine(TestFlows.RepositoryRoot, "flows", "welcome-mail.json"));
        Assert.Contains(find, sample, StringComparison.Ordinal);

        using var broken = JsonDocument.Parse(sample.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(Schema.Evaluate(broken.RootElement).IsValid);
    }
}
