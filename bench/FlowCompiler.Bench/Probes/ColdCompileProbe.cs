using System.Diagnostics;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// The first compile in a fresh process, into an empty cache: validate, emit, load Roslyn and its
/// references, compile, write the cache entry. Nothing is warm, so this is what the first publish after a
/// restart costs. It cannot be a BenchmarkDotNet iteration: every sample needs a new process.
/// </summary>
public static class ColdCompileProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "cold-compile";

    /// <summary>Compiles the mail flow into <paramref name="cacheFolder"/> (which must be empty) and returns the milliseconds it took.</summary>
    public static double Measure(string cacheFolder)
    {
        var clock = Stopwatch.StartNew();
        var (flow, canonical) = BenchCompiler.Bind(BenchFlows.Mail("cold-mail"));
        var outcome = new FlowCache(cacheFolder).GetOrCompileAsync(flow, canonical).GetAwaiter().GetResult();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return outcome.CacheHit ? throw new InvalidOperationException("the cold compile found a cache entry: the folder must be empty") : elapsed;
    }
}
