using System.Diagnostics;
using System.Globalization;
using FlowCompiler.Bench.Flows;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// Publishing many different flows through <see cref="Hosting.FlowHost.PublishAsync(ReadOnlyMemory{byte}, CancellationToken)"/>
/// in a fresh process with an empty compile cache — validate, store the version, activate on the interpreter, compile,
/// cache, load and swap in behind; the host publishes one at a time — then, once every flow runs compiled and the
/// background JIT warm-up is done, the managed heap with all of them active, after a full collection.
/// </summary>
public static class PublishProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "publish";

    /// <summary>
    /// Publishes <paramref name="count"/> flows; returns "seconds megabytes serving-seconds first-active-ms": until all are
    /// compiled and prepared, the heap then, until all were serving (tiered activation serves them on the interpreter
    /// while they compile), and the first publish until its flow ran.
    /// </summary>
    public static string Measure(string cacheFolder, int count)
    {
        var jsons = Enumerable.Range(0, count).Select(BenchFlows.Other).ToArray();
        var host = BenchHost.StartAsync(cacheFolder, new MailSink()).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        var firstActive = 0.0;
        foreach (var json in jsons)
        {
            host.PublishAsync(json).GetAwaiter().GetResult();
            if (firstActive == 0)
            {
                firstActive = clock.Elapsed.TotalMilliseconds;
            }
        }

        var serving = clock.Elapsed.TotalSeconds;
        host.SettleAsync().GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        if (host.Host.Active.Count(a => a.Tier == Hosting.FlowTier.Compiled) != count)
        {
            throw new InvalidOperationException($"{host.Host.Active.Count(a => a.Tier == Hosting.FlowTier.Compiled)} flows run compiled, not {count}");
        }

        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} {bytes / (1024.0 * 1024.0):0.0} {serving:0.000} {firstActive:0.0}");
    }
}
