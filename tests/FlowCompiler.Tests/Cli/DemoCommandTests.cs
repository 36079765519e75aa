using FlowCompiler.Tests.Language;

namespace FlowCompiler.Tests.Cli;

/// <summary><c>flowc demo</c> end to end, twice: the second run takes every flow from the cache and never loads Roslyn.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flowc-demo-").FullName;

    [Fact]
    public async Task The_demo_runs_every_flow_against_real_counterparts_and_reuses_the_cache()
    {
        var flows = RepositoryPaths.Samples;
        var environment = new Dictionary<string, string>();

        var first = await FlowcProcess.RunInAsync(_folder, environment, "demo", "--flows", flows);
        var second = await FlowcProcess.RunInAsync(_folder, environment, "demo", "--flows", flows);

        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        Assert.DoesNotContain("FAIL", first.Stdout);
        Assert.Contains("compiled with Roslyn   12 flows", first.Stdout);
        Assert.Contains("=> mail to ada@example.org: \"Your server old-box is suspended\"", first.Stdout);
        Assert.Contains("=> POST https://noc.example.com/hooks/servers/1337", first.Stdout);
        Assert.Contains("=> ticket [urgent] \"Panel error: Backup of server ubuntu-2204 failed: storage backup-fra is full\"", first.Stdout);
        Assert.Contains("has-suspended -> false", first.Stdout);
        Assert.Contains("no flow accepted it", first.Stdout);
        Assert.Contains("POST /nodes/pve-fra-1/qemu/4711/config", first.Stdout);
        Assert.Contains("#1 [urgent] Panel error", first.Stdout);

        Assert.True(second.ExitCode == 0, second.Stdout + second.Stderr);
        Assert.Contains("from the compile cache 12 flows", second.Stdout);
        Assert.Contains("Roslyn loaded in this process: no", second.Stdout);
        Assert.Equal(
            Directory.GetFiles(Path.Combine(_folder, ".flowc", "demo", "outbox"), "*.eml").Length,
            CountOf(first.Stdout, "=> mail to "));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
