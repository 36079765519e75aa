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

    private static string Sample(string name) => RepositoryPaths.SampleFlow(name);

    private static string SampleEvent(string name) => RepositoryPaths.SampleEvent(name);

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
        _environment["FlowCompiler__Host__RetryAttempts"] = "0";

        var result = await Flowc("list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FlowCompiler:Host:RetryAttempts", result.Stderr);
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

    [Fact]
    public async Task Raise_takes_several_event_files_and_runs_them_in_order()
    {
        await Flowc("publish", Sample("welcome-mail"), Sample("balance-removed-mail"));

        var raise = await Flowc("raise", SampleEvent("account.balanceRemoved"), SampleEvent("account.registration"), "--format", "json");

        // The empty panel has no user 100 to mail about the balance: that run fails, the next event is raised all the same.
        Assert.Equal(1, raise.ExitCode);
        using var runs = JsonDocument.Parse(raise.Stdout);
        Assert.Equal(
            [("balance-removed-mail", "failed"), ("welcome-mail", "succeeded")],
            runs.RootElement.EnumerateArray().Select(r => (r.GetProperty("flow").GetString(), r.GetProperty("status").GetString())));
    }

    [Fact]
    public async Task Raise_reads_every_file_before_it_raises_any()
    {
        await Flowc("publish", Sample("welcome-mail"));

        var raise = await Flowc("raise", SampleEvent("account.registration"), Path.Combine(_folder, "missing.json"));

        Assert.Equal(2, raise.ExitCode);
        Assert.Equal("", raise.Stdout);
        Assert.Contains("No runs recorded.", (await Flowc("runs")).Stdout);
    }

    [Theory]
    [InlineData("runs", "--limit", "0", "--format", "json")]
    [InlineData("runs", "--format", "json", "--limit", "-1")]
    [InlineData("raise", "--format", "json")]
    [InlineData("list", "--format", "json", "--colour")]
    public async Task A_usage_error_with_json_output_is_exit_2_and_one_error_document(params string[] args)
    {
        var result = await Flowc(args);

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["error"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task A_limit_below_one_is_refused_with_its_option()
    {
        var result = await Flowc("runs", "--limit", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit must be at least 1", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("rollback welcome-mail 99", "flow 'welcome-mail' has no version 99")]
    [InlineData("rollback nope 1", "there is no flow 'nope'")]
    [InlineData("export welcome-mail --version 99", "there is no version 99 of flow 'welcome-mail'")]
    [InlineData("export nope", "there is no flow 'nope'")]
    [InlineData("unpublish nope", "there is no flow 'nope'")]
    public async Task An_unknown_flow_or_version_is_bad_input_said_before_anything_else(string commandLine, string expected)
    {
        await Flowc("publish", Sample("welcome-mail"));

        var result = await Flowc(commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"flowc: {expected};", result.Stderr);
    }

    [Fact]
    public async Task Raising_against_a_host_that_is_down_logs_one_line_per_attempt_and_records_the_error()
    {
        var url = $"http://127.0.0.1:{Actions.UnusedLoopbackPort.Find()}";
        var flow = Path.Combine(_folder, "rest.json");
        await File.WriteAllTextAsync(flow, (await File.ReadAllTextAsync(Sample("rest-vlan-lookup"))).Replace("https://ipam.example.com", url, StringComparison.Ordinal));
        _environment["FlowCompiler__Http__MaxRetryAttempts"] = "2";
        _environment["FlowCompiler__Http__RetryDelay"] = "00:00:00.010";
        await Flowc("publish", flow);

        var raise = await Flowc("raise", SampleEvent("server.created"));

        Assert.Equal(1, raise.ExitCode);
        var lines = raise.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.Contains($"GET {url}/api/vlans: attempt", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Length); // the two retried attempts and the failed run
        Assert.DoesNotContain("   at ", raise.Stderr);
        var recorded = await Flowc("runs", "--failed", "--format", "json");
        using var runs = JsonDocument.Parse(recorded.Stdout);
        var node = Assert.Single(runs.RootElement[0].GetProperty("nodes").EnumerateArray(), n => n.GetProperty("status").GetString() == "failed");
        Assert.StartsWith($"GET {url}/api/vlans failed: Connection refused", node.GetProperty("error").GetString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
