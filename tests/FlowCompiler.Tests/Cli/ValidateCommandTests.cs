using System.Text.Json;
using FlowCompiler.Tests.Language;

namespace FlowCompiler.Tests.Cli;

public class ValidateCommandTests
{
    [Fact]
    public async Task A_valid_flow_exits_0()
    {
        var result = await FlowcProcess.RunAsync("validate", RepositoryPaths.SampleFlow("welcome-mail"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("valid", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_flow_exits_1_and_json_output_is_one_array_of_diagnostics()
    {
        var file = Path.Combine(Path.GetTempPath(), $"flowc-invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, TestFlows.Chain("server.created", ("f", "filter", """{ "field": "hostnme", "operation": "=", "value": "x" }""")));
        try
        {
            var result = await FlowcProcess.RunAsync("validate", file, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            var d = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal("error", d.GetProperty("severity").GetString());
            Assert.Equal("FLOW0019", d.GetProperty("code").GetString());
            Assert.Equal("f", d.GetProperty("nodeId").GetString());
            Assert.Equal("$.nodes[1].parameters.field", d.GetProperty("path").GetString());
            Assert.Contains("hostname", d.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_clear_message()
    {
        var result = await FlowcProcess.RunAsync("validate", "/nonexistent/flow.json", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "a.json", "--format", "xml")]
    [InlineData("frobnicate")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        var result = await FlowcProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
