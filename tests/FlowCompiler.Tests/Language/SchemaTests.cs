using System.Text.Json;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Schema;
using FlowCompiler.Generator.Validation;
using Json.Schema;

namespace FlowCompiler.Tests.Language;

/// <summary>
/// The shipped JSON Schema: generated from the catalogs, committed as generated, and held to <c>flowc validate</c> by a
/// real validator (JsonSchema.Net) on the samples and on hand-made edge cases.
/// </summary>
public class SchemaTests
{
    private const string AcceptVariable = "FLOWC_ACCEPT_SCHEMA";

    private static readonly JsonSchema Generated = JsonSchema.FromText(FlowSchemaWriter.Write());

    // JsonSchema.Net registers a schema read from a file under its path, once per process.
    private static readonly Lazy<JsonSchema> Committed = new(() => JsonSchema.FromFile(Path.Combine(RepositoryPaths.Root, FlowSchemaWriter.RepositoryPath)));

    public static TheoryData<string> CaseNames { get; } = [.. SchemaCases.All.Keys];

    [Fact]
    public void The_committed_schema_is_the_one_the_catalogs_generate()
    {
        var path = Path.Combine(RepositoryPaths.Root, FlowSchemaWriter.RepositoryPath);
        var generated = FlowSchemaWriter.Write();
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(
            File.ReadAllText(path) == generated,
            $"{FlowSchemaWriter.RepositoryPath} is not what FlowSchemaWriter generates from the catalogs. If the catalog change is " +
            $"intended, rewrite it: {AcceptVariable}=1 dotnet test tests/FlowCompiler.Tests --filter \"FullyQualifiedName~SchemaTests\".");
    }

    [Fact]
    public void Every_sample_conforms_to_the_committed_schema()
    {
        var committed = Committed.Value;
        foreach (var file in TestFlows.SampleFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var result = committed.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {JsonSerializer.Serialize(result)}");
        }
    }

    [Fact]
    public void Every_node_type_event_and_modify_server_action_has_a_valid_case()
    {
        var valid = SchemaCases.All.Where(c => c.Value.Expected == Verdict.BothAccept).Select(c => c.Key).ToList();
        Assert.All(NodeTypes.All.Where(t => t.Kind != NodeKind.Trigger), type => Assert.Contains(valid, name => name.StartsWith(type.Type + " ", StringComparison.Ordinal) && name.EndsWith(" is valid", StringComparison.Ordinal)));
        Assert.All(Runtime.Events.FlowEvents.All, e => Assert.Contains($"event {e.Name}", valid));
        Assert.All(Generator.Binding.ServerActions.All, action => Assert.Contains($"modifyServer ({action.Name}) is valid", valid));
    }

    /// <summary>
    /// Where the schema can say a rule, both accept or both refuse; where only <c>validate</c> checks it (the schema's
    /// description lists those rules), the schema accepts. The schema must never refuse what <c>validate</c> accepts.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_schema_and_validate_agree(string name)
    {
        var (json, expected) = SchemaCases.All[name];
        var errors = FlowValidator.Validate(json).Diagnostics.Where(d => d.Severity == FlowSeverity.Error).ToList();
        bool schemaAccepts;
        string schemaErrors;
        using (var document = JsonDocument.Parse(json))
        {
            var result = Generated.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            schemaAccepts = result.IsValid;
            schemaErrors = string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        }

        var actual = (schemaAccepts, errors.Count == 0) switch
        {
            (true, true) => Verdict.BothAccept,
            (false, false) => Verdict.BothRefuse,
            (true, false) => Verdict.OnlyValidateRefuses,
            (false, true) => Verdict.OnlySchemaRefuses,
        };
        Assert.True(
            actual == expected,
            $"expected {expected}, got {actual}. validate: {(errors.Count == 0 ? "no errors" : string.Join("; ", errors.Select(e => $"{e.Code} {e.Path}: {e.Message}")))}. " +
            $"schema: {(schemaAccepts ? "valid" : schemaErrors)}");
    }

    [Theory]
    [InlineData("\"format\": \"flowc/1\"", "\"format\": \"flowc/2\"")]
    [InlineData("\"type\": \"sendMail\"", "\"type\": \"sendMial\"")]
    [InlineData("\"subject\":", "\"subjekt\":")]
    [InlineData("\"nodes\":", "\"extra\": 1, \"nodes\":")]
    public void The_committed_schema_rejects_broken_samples(string find, string replace)
    {
        var committed = Committed.Value;
        var sample = File.ReadAllText(RepositoryPaths.SampleFlow("welcome-mail"));
        Assert.Contains(find, sample, StringComparison.Ordinal);

        using var broken = JsonDocument.Parse(sample.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(committed.Evaluate(broken.RootElement).IsValid);
    }
}

/// <summary>What the schema and <c>validate</c> say about one flow.</summary>
public enum Verdict
{
    /// <summary>Both accept it.</summary>
    BothAccept,

    /// <summary>Both refuse it.</summary>
    BothRefuse,

    /// <summary>The schema accepts it and <c>validate</c> refuses it, by a rule the schema's description lists as validate's alone.</summary>
    OnlyValidateRefuses,

    /// <summary>Never right: the schema would refuse a flow <c>validate</c> accepts.</summary>
    OnlySchemaRefuses,
}
