using System.Diagnostics;

namespace FlowCompiler.Tests.Editor;

/// <summary>The page's own unit tests (vitest: graph rules, suggestions, sample events, diffs), run as part of the suite.</summary>
public sealed class PageUnitTests
{
    [Fact]
    public async Task The_pages_vitest_suite_passes()
    {
        var clientApp = RepositoryPaths.Of("generator", "FlowCompiler.Editor", "ClientApp");
        var start = new ProcessStartInfo("npm", "test --silent")
        {
            WorkingDirectory = clientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "1";
        start.Environment["NO_COLOR"] = "1";
        using var npm = Process.Start(start)!;
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await npm.WaitForExitAsync(timeout.Token);

        Assert.True(npm.ExitCode == 0, $"vitest failed:\n{await stdout}\n{await stderr}");
        Assert.Contains("passed", await stdout, StringComparison.Ordinal);
    }
}
