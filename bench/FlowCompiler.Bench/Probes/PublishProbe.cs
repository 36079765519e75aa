using System.Diagnostics;
using System.Globalization;
using FlowCompiler.Bench.Flows;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// Publishing many different flows through <see cref="Hosting.FlowHost.PublishAsync"/> in a fresh process
/// with an empty compile cache — validate, compile, cache, store the version, load, activate; the host
/// publishes one at a time — then, once the host's background JIT warm-up of the flows is done, the managed
/// heap with all of them active, after a full collection.
/// </summary>
public static class PublishProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "publish";

    /// <summary>Publishes <paramref name="count"/> flows; returns "seconds megabytes".</summary>
    public static string Measure(string cacheFolder, int count)
    {
        var jsons = Enumerable.Range(0, count).Select(BenchFlows.Other).ToArray();
        var host = BenchHost.StartAsync(cacheFolder, new MailSink()).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        foreach (var json in jsons)
        {
            host.PublishAsync(json).GetAwaiter().GetResult();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        host.SettleAsync().GetAwaiter().GetResult();
        if (host.Host.Active.Count != count)
        {
            throw new InvalidOperationException($"{host.Host.Active.Count} flows are active, not {count}");
        }

        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} {bytes / (1024.0 * 1024.0):0.0}");
    }
}
