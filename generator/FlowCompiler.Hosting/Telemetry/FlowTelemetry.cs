using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FlowCompiler.Hosting.Telemetry;

/// <summary>
/// The host's traces and metrics for OpenTelemetry: subscribe to the <c>FlowCompiler</c> activity source
/// and meter. Every instrument is tagged with the flow id, so a dashboard can show one flow.
/// </summary>
public sealed class FlowTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "FlowCompiler";

    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _runDuration;
    private readonly Histogram<double> _compileDuration;
    private readonly Counter<long> _cacheHits;

    /// <summary>Creates the instruments, from <paramref name="meterFactory"/> when the host has one.</summary>
    public FlowTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _runs = _meter.CreateCounter<long>("flowc.runs", description: "Flow runs finished.");
        _failures = _meter.CreateCounter<long>("flowc.run.failures", description: "Flow runs that failed.");
        _runDuration = _meter.CreateHistogram<double>("flowc.run.duration", unit: "ms", description: "Wall time of one run.");
        _compileDuration = _meter.CreateHistogram<double>("flowc.compile.duration", unit: "ms", description: "Time to get a published flow compiled and loaded.");
        _cacheHits = _meter.CreateCounter<long>("flowc.cache.hits", description: "Publishes and start-up loads served from the compile cache.");
    }

    /// <summary>Traces: one activity per run, one per publish.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Starts the activity of one run (null when nobody listens).</summary>
    public static Activity? StartRun(string flowId, int version, string eventName)
    {
        var activity = Source.StartActivity("flow.run");
        activity?.SetTag("flow.id", flowId);
        activity?.SetTag("flow.version", version);
        activity?.SetTag("flow.event", eventName);
        return activity;
    }

    /// <summary>Counts a finished run.</summary>
    public void RunFinished(CompletedRun run)
    {
        var flow = new KeyValuePair<string, object?>("flow.id", run.FlowId);
        _runs.Add(1, flow);
        if (run.Failed)
        {
            _failures.Add(1, flow);
        }

        _runDuration.Record(run.Result.Duration.TotalMilliseconds, flow);
    }

    /// <summary>Records how long a publish or start-up load took to get a callable flow.</summary>
    public void FlowLoaded(string flowId, TimeSpan elapsed, bool cacheHit)
    {
        var flow = new KeyValuePair<string, object?>("flow.id", flowId);
        _compileDuration.Record(elapsed.TotalMilliseconds, flow, new KeyValuePair<string, object?>("cache.hit", cacheHit));
        if (cacheHit)
        {
            _cacheHits.Add(1, flow);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
