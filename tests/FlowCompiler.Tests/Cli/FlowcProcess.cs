using System.Diagnostics;

namespace FlowCompiler.Tests.Cli;

/// <summary>Runs the real <c>flowc</c> (copied next to the tests) as a child process, with a deadline.</summary>
internal static class FlowcProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] args) => RunInAsync(Path.GetTempPath(), new Dictionary<string, string>(), args);

    /// <summary>Runs flowc in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static async Task<Result> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            var said = await stderr;
            throw new TimeoutException($"flowc did not finish within 120 s: {string.Join(' ', args)}\n{said[Math.Max(0, said.Length - 3000)..]}");
        }

        // A grandchild holding the pipes open must not hang the test after flowc itself exited.
        return new Result(process.ExitCode, await stdout.WaitAsync(TimeSpan.FromSeconds(10)), await stderr.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Starts flowc and leaves it running, its output redirected; the caller waits for it, or kills it.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "flowc.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
