using System.Text.Json;
using FlowCompiler.Tests.Language;

namespace FlowCompiler.Tests.Cli;

/// <summary>The commands on the panel database (SQLite in the working directory by default), each in a child process.</summary>
public sealed class EngineCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flowc-cli-").FullName;

    // One compile cache for all CLI tests, so each sample is compiled once per test run.
    private readonly Dictionary<string, string> _environment = new()
    {
        ["FlowCompiler__CacheDirectory"] = Path.Combine(Path.GetTempPath(), "flowc-cli-tests-cache"),
    };

    private static string Sample(string name) => Path.Combine(TestFlows.RepositoryRoot, "flows", name + ".json");

    private static string SampleEvent(string name) => Path.Combine(TestFlows.RepositoryRoot, "flows", "events", name + ".json");

    private Task<FlowcProcess.Result> Flowc(params string[] args) => FlowcProcess.RunInAsync(_folder, _environment, args);

    [Fact]
    public async Task Publish_list_raise_runs_and_export_work_on_the_default_sqlite_database()
    {
        var publish = await Flowc("publish", Sample("welcome-mail"), Sample("congratulate-100th-user"));
        Assert.True(publish.ExitCode == 0, publish.Stderr);
        Assert.Contains("welcome-mail v1 published", publish.Stdout);
        Assert.True(File.Exists(Path.Combine(_folder, "panel.db")));

        var list = await Flowc("list", "--format", "json");
        using (var flows = JsonDocument.Parse(list.Stdout))
        {
            Assert.Equal(["congratulate-100th-user", "welcome-mail"], flows.RootElement.EnumerateArray().Select(f => f.GetProperty("flow").GetString()));
            Assert.All(flows.RootElement.EnumerateArray(), f => Assert.True(f.GetProperty("published").GetBoolean()));
        }

        var raise = await Flowc("raise", SampleEvent("account.registration"), "--format", "json");
        Assert.True(raise.ExitCode == 0, raise.Stderr);
        using (var runs = JsonDocument.Parse(raise.Stdout))
        {
            var byFlow = runs.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("flow").GetString()!);
            Assert.Equal("succeeded", byFlow["welcome-mail"].GetProperty("status").GetString());
            var effects = byFlow["congratulate-100th-user"].GetProperty("effects").EnumerateArray().ToList();
            Assert.Equal(["ada@example.org", "team@example.com"], effects.Select(e => e.GetProperty("to").GetString()));
        }

        Assert.Equal(3, Directory.GetFiles(Path.Combine(_folder, "outbox"), "*.eml").Length);

        var recorded = await Flowc("runs", "--flow", "welcome-mail", "--format", "json");
        using (var records = JsonDocument.Parse(recorded.Stdout))
        {
            var run = Assert.Single(records.RootElement.EnumerateArray());
            Assert.Equal(("welcome-mail", 1, "succeeded"), (run.GetProperty("flow").GetString(), run.GetProperty("version").GetInt32(), run.GetProperty("status").GetString()));
        }

        var export = await Flowc("export", "welcome-mail");
        Assert.Equal(await File.ReadAllTextAsync(Sample("welcome-mail")), export.Stdout);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_command_with_its_configuration_key()
    {
        _environment["FlowCompiler__Host__QueueCapacity"] = "0";

        var result = await Flowc("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FlowCompiler:Host:QueueCapacity", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Raising_a_malformed_event_is_a_usage_error_that_names_the_field()
    {
        var file = Path.Combine(_folder, "event.json");
        await File.WriteAllTextAsync(file, """{ "event": "account.login", "data": { "id": "one" } }""");

        var result = await Flowc("raise", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("data.id", result.Stderr);
    }

    [Fact]
    public async Task Raising_an_event_file_with_a_lone_surrogate_in_a_name_is_one_json_error_document()
    {
        var file = Path.Combine(_folder, "event.json");
        await File.WriteAllTextAsync(file, """{ "\uDFAA": 1, "event": "account.login", "data": { } }""");

        var result = await Flowc("raise", file, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains("lone surrogate", json.RootElement.GetProperty("error").GetString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
