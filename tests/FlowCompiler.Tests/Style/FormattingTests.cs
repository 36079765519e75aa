using System.Diagnostics;

namespace FlowCompiler.Tests.Style;

/// <summary>
/// The C# is laid out as <c>.editorconfig</c> says: <c>dotnet format whitespace</c> (folder mode, no build) would change
/// nothing. Run <c>dotnet format whitespace --folder .</c> at the repository root to fix what this reports.
/// </summary>
public sealed class FormattingTests
{
    [Fact]
    public async Task The_code_is_formatted_as_the_editorconfig_says()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "format", "whitespace", "--folder", ".", "--verify-no-changes", "-v", "q" })
        {
            start.ArgumentList.Add(arg);
        }

        using var format = Process.Start(start)!;
        var stdout = format.StandardOutput.ReadToEndAsync();
        var stderr = format.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await format.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            format.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet format did not finish within 2 minutes");
        }

        Assert.True(format.ExitCode == 0, $"dotnet format whitespace would change files; run it at the repository root:\n{await stdout}{await stderr}");
    }
}
