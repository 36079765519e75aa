using System.Diagnostics;
using System.Globalization;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// Durable accepting through <see cref="Hosting.FlowHost.EnqueueAsync(string, object, CancellationToken)"/> on one
/// passing mail flow, with the queue's worker off so only accepting is measured: how many runs a second are committed
/// while <see cref="InFlight"/> callers enqueue at once (group commit), and the latency of one enqueue on its own (the
/// median of <see cref="LatencySamples"/> in a row). Every accepted run is counted in <c>runQueue</c> afterwards.
/// </summary>
public static class AcceptProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "accept";

    /// <summary>Callers enqueueing at once, as a panel's request threads do.</summary>
    public const int InFlight = 256;

    /// <summary>Single enqueues timed one after another.</summary>
    public const int LatencySamples = 200;

    /// <summary>
    /// Enqueues <paramref name="events"/> events on a SQLite file or, given <paramref name="postgresServer"/>'s connection
    /// string, on a new PostgreSQL database dropped afterwards; returns "accepted-per-second latency-ms".
    /// </summary>
    public static string Measure(string cacheFolder, int events, string? postgresServer = null) =>
        ScratchPostgresDatabase.Run(postgresServer, panel => MeasureAsync(cacheFolder, events, panel));

    private static async Task<string> MeasureAsync(string cacheFolder, int events, PanelDatabaseOptions? panel)
    {
        await using var host = await BenchHost.StartAsync(cacheFolder, new MailSink(), new Hosting.FlowHostOptions { WorkQueue = false }, panel);
        await host.PublishAsync(BenchFlows.Mail("accept"));
        await host.SettleAsync();
        var server = BenchEvents.Server(16);

        // A warm-up burst brings the accept path to its optimized code.
        await BurstAsync(host, server, events / 10);
        var latencies = new double[LatencySamples];
        for (var i = 0; i < LatencySamples; i++)
        {
            var one = Stopwatch.StartNew();
            await host.Host.EnqueueAsync("server.created", server);
            latencies[i] = one.Elapsed.TotalMilliseconds;
        }

        var clock = Stopwatch.StartNew();
        await BurstAsync(host, server, events);
        var seconds = clock.Elapsed.TotalSeconds;

        await using var db = host.Database.Create();
        var queued = await db.QueuedRuns.CountAsync();
        var expected = events / 10 + LatencySamples + events;
        if (queued != expected)
        {
            throw new InvalidOperationException($"{queued} runs are queued, not {expected}: accepted runs were lost");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{events / seconds:0} {ProcessMeasurements.Median(latencies):0.000}");
    }

    private static Task BurstAsync(BenchHost host, object server, int events) =>
        InFlightBurst.RunAsync(events, InFlight, () => host.Host.EnqueueAsync("server.created", server).AsTask());
}
