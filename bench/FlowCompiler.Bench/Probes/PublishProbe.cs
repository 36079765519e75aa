using System.Diagnostics;
using System.Globalization;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// Publishing many different flows in a fresh process with an empty cache — validate, compile, cache, load,
/// on every core — then the managed heap with all of them loaded, after a full collection.
/// </summary>
public static class PublishProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "publish";

    /// <summary>Publishes <paramref name="count"/> flows; returns "seconds megabytes".</summary>
    public static string Measure(string cacheFolder, int count)
    {
        var jsons = Enumerable.Range(0, count).Select(BenchFlows.Other).ToArray();
        var cache = new FlowCache(cacheFolder);
        var clock = Stopwatch.StartNew();
        var loaded = new LoadedFlow[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => loaded[i] = BenchCompiler.Publish(jsons[i], cache));
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(loaded);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} {bytes / (1024.0 * 1024.0):0.0}");
    }
}
