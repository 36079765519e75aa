using System.Diagnostics;
using System.Globalization;
using FlowCompiler.Bench.Flows;
using Microsoft.EntityFrameworkCore;

namespace FlowCompiler.Bench.Probes;

/// <summary>
/// A burst of raises through <see cref="Hosting.FlowHost.RaiseAsync"/> on one passing mail flow, with the run records
/// going to the host's SQLite panel database in a temporary file: how many records a second are written, from the
/// first raise until <see cref="Hosting.FlowHost.FlushRecordsAsync"/> returns, and how many of the burst's records
/// are missing from the <c>runs</c> table afterwards (the host must lose none).
/// </summary>
public static class RecordsProbe
{
    /// <summary>The probe's name on the command line.</summary>
    public const string Name = "records";

    /// <summary>Raises in flight at once, as from a panel's many request threads.</summary>
    public const int InFlight = 64;

    /// <summary>Raises <paramref name="raises"/> events; returns "records-per-second records-lost".</summary>
    public static string Measure(string cacheFolder, int raises) => MeasureAsync(cacheFolder, raises).GetAwaiter().GetResult();

    private static async Task<string> MeasureAsync(string cacheFolder, int raises)
    {
        await using var host = await BenchHost.StartAsync(cacheFolder, new MailSink());
        await host.PublishAsync(BenchFlows.Mail("records"));
        await host.SettleAsync();
        var server = BenchEvents.Server(16);

        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(InFlight);
        for (var i = 0; i < raises; i++)
        {
            pending.Add(host.Host.RaiseAsync("server.created", server).AsTask());
            if (pending.Count == InFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await host.Host.FlushRecordsAsync();
        var seconds = clock.Elapsed.TotalSeconds;

        await using var db = host.Database.Create();
        var recorded = await db.Runs.CountAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{raises / seconds:0} {raises - recorded}");
    }
}
