using System.Globalization;
using FlowCompiler.Bench.Flows;

namespace FlowCompiler.Bench.Probes;

/// <summary>One cold compile: the time inside the fresh process, and the wall time of the whole process.</summary>
/// <param name="CompileMs">Validate + compile + cache write, measured inside the process.</param>
/// <param name="ProcessMs">Process start to exit, measured by the parent: runtime start-up included.</param>
public sealed record ColdCompileSample(double CompileMs, double ProcessMs);

/// <summary>The publish of many flows in a fresh process.</summary>
/// <param name="Flows">How many.</param>
/// <param name="Seconds">Total time.</param>
/// <param name="ManagedMb">Managed heap afterwards.</param>
/// <param name="ServingSeconds">Until every flow ran (tiered activation: on the interpreter, before it was compiled).</param>
/// <param name="FirstActiveMs">The first publish, until its flow ran.</param>
public sealed record PublishSample(int Flows, double Seconds, double ManagedMb, double ServingSeconds, double FirstActiveMs);

/// <summary>Durable accepting in a fresh process.</summary>
/// <param name="Events">Events enqueued in the measured burst.</param>
/// <param name="AcceptedPerSecond">Runs committed per second with many callers at once.</param>
/// <param name="LatencyMs">One enqueue on its own, until committed (median).</param>
public sealed record AcceptSample(int Events, double AcceptedPerSecond, double LatencyMs);

/// <summary>A burst of raises with their run records written to SQLite, in a fresh process.</summary>
/// <param name="Raises">How many events were raised.</param>
/// <param name="RecordsPerSecond">Records written per second, from the first raise until the flush of the records returned.</param>
/// <param name="Lost">Raises whose record is not in the <c>runs</c> table afterwards.</param>
public sealed record RecordsSample(int Raises, double RecordsPerSecond, int Lost);

/// <summary>The measurements that need fresh processes, run one after another (never two at once).</summary>
public static class ProcessMeasurements
{
    /// <summary>Cold compiles in <paramref name="samples"/> fresh processes, each with its own empty cache.</summary>
    public static IReadOnlyList<ColdCompileSample> ColdCompiles(int samples)
    {
        var result = new List<ColdCompileSample>();
        for (var i = 0; i < samples; i++)
        {
            var cache = Path.Combine(Path.GetTempPath(), $"flowc-bench-cold-{Environment.ProcessId}-{i}");
            try
            {
                var (output, wall) = ChildProcess.RunProbe(ColdCompileProbe.Name, cache);
                result.Add(new ColdCompileSample(double.Parse(output, CultureInfo.InvariantCulture), wall.TotalMilliseconds));
            }
            finally
            {
                if (Directory.Exists(cache))
                {
                    Directory.Delete(cache, recursive: true);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Publishes <paramref name="flows"/> flows through a host in a fresh process into the emptied shared
    /// cache, which the scale suite then loads from.
    /// </summary>
    public static PublishSample Publish(int flows)
    {
        if (Directory.Exists(BenchCompiler.SharedCacheFolder))
        {
            Directory.Delete(BenchCompiler.SharedCacheFolder, recursive: true);
        }

        var (output, _) = ChildProcess.RunProbe(PublishProbe.Name, BenchCompiler.SharedCacheFolder, flows.ToString(CultureInfo.InvariantCulture));
        var parts = output.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new PublishSample(flows, parts[0], parts[1], parts[2], parts[3]);
    }

    /// <summary>
    /// A burst of <paramref name="raises"/> raises through a host in a fresh process (<see cref="RecordsProbe"/>), on
    /// SQLite, or on a new database of the PostgreSQL server <paramref name="postgresServer"/> names.
    /// </summary>
    public static RecordsSample Records(int raises, string? postgresServer = null)
    {
        string[] args = [BenchCompiler.SharedCacheFolder, raises.ToString(CultureInfo.InvariantCulture), .. postgresServer is null ? [] : new[] { postgresServer }];
        var (output, _) = ChildProcess.RunProbe(RecordsProbe.Name, args);
        var parts = output.Split(' ');
        return new RecordsSample(raises, double.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Durable accepting of <paramref name="events"/> events in a fresh process (<see cref="AcceptProbe"/>), on SQLite, or on
    /// a new database of the PostgreSQL server <paramref name="postgresServer"/> names.
    /// </summary>
    public static AcceptSample Accept(int events, string? postgresServer = null)
    {
        string[] args = [BenchCompiler.SharedCacheFolder, events.ToString(CultureInfo.InvariantCulture), .. postgresServer is null ? [] : new[] { postgresServer }];
        var (output, _) = ChildProcess.RunProbe(AcceptProbe.Name, args);
        var parts = output.Split(' ');
        return new AcceptSample(events, double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
