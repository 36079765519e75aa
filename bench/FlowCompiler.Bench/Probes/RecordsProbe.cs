using System.Diagnostics;
using System.Globalization;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// A burst of raises through <see cref="Hosting.FlowHost.RaiseAsync"/> on one passing mail flow, with the run records
/// going to the host's SQLite panel database in a temporary file: how many records a second are written, from the
/// first raise until <see cref="Hosting.FlowHost.FlushRecordsAsync"/> returns, and how many of the burst's records
/// are missing from the <c>runs</c> table afterwards (the host must lose none). A first burst of <see cref="Warmup"/>
/// raises goes before, unmeasured.
/// </summary>
public static class RecordsProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "records";

    /// <summary>Raises before the measured burst.</summary>
    public const int Warmup = 30_000;

    // The warm-up comes in this many bursts.
    private const int WarmupRounds = 3;

    /// <summary>Raises in flight at once, as from a panel's many request threads.</summary>
    public const int InFlight = 64;

    /// <summary>
    /// Raises <paramref name="raises"/> events, recorded in a SQLite file or, given <paramref name="postgresServer"/>'s
    /// connection string, in a new PostgreSQL database dropped afterwards; returns "records-per-second records-lost".
    /// </summary>
    public static string Measure(string cacheFolder, int raises, string? postgresServer = null) =>
        ScratchPostgresDatabase.Run(postgresServer, panel => MeasureAsync(cacheFolder, raises, panel));

    private static async Task<string> MeasureAsync(string cacheFolder, int raises, PanelDatabaseOptions? panel)
    {
        // Retention must not thin the burst out: records_lost counts what the host failed to write, not what it pruned.
        await using var host = await BenchHost.StartAsync(cacheFolder, new MailSink(), new Hosting.FlowHostOptions { RetentionCount = 10 * (Warmup + raises) }, panel);
        await host.PublishAsync(BenchFlows.Mail("records"));
        await host.SettleAsync();
        var server = BenchEvents.Server(16);

        // Sustained, not cold: first bursts, with pauses for the JIT's background tier-up, bring the raise and write paths to
        // their optimized code, as in a process that has run a while.
        for (var round = 0; round < WarmupRounds; round++)
        {
            await BurstAsync(host, server, Warmup / WarmupRounds);
            await host.Host.FlushRecordsAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await using var db = host.Database.Create();
        var before = await db.Runs.CountAsync();

        var clock = Stopwatch.StartNew();
        await BurstAsync(host, server, raises);
        await host.Host.FlushRecordsAsync();
        var seconds = clock.Elapsed.TotalSeconds;

        var recorded = await db.Runs.CountAsync() - before;
        return string.Create(CultureInfo.InvariantCulture, $"{raises / seconds:0} {raises - recorded}");
    }

    private static Task BurstAsync(BenchHost host, object server, int raises) =>
        InFlightBurst.RunAsync(raises, InFlight, () => host.Host.RaiseAsync("server.created", server).AsTask());
}
