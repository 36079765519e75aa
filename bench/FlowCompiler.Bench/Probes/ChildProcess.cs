using System.Diagnostics;

namespace FlowCompiler.Bench.Probes;

/// <summary>Runs this benchmark program again as a fresh process for one probe, and returns its result line and wall time.</summary>
public static class ChildProcess
{
    /// <summary>Runs <c>--probe NAME ARGS</c>; throws with the child's error output when it fails.</summary>
    public static (string Output, TimeSpan Wall) RunProbe(string name, params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's path");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Started as "dotnet FlowCompiler.Bench.dll", the program is the assembly, not the host.
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--probe");
        start.ArgumentList.Add(name);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + self);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        // Bounded: a probe that hangs must not hang the suite.
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"probe {name} did not finish in 3 minutes");
        }

        var wall = clock.Elapsed;
        return process.ExitCode == 0
            ? (output.Trim(), wall)
            : throw new InvalidOperationException($"probe {name} failed ({process.ExitCode}): {error.Result}");
    }
}
