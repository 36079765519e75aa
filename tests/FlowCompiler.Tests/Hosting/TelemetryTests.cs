using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FlowCompiler.Hosting.Telemetry;

namespace FlowCompiler.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Runs_failures_and_loads_are_counted_per_flow_and_each_run_is_traced()
    {
        var measurements = new ConcurrentQueue<(string Instrument, string? Flow, double Value)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FlowTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, FlowOf(tags), value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, FlowOf(tags), value)));
        listener.Start();
        var activities = new ConcurrentQueue<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FlowTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(tracing);

        var actions = new ActionSink { Throwing = { "broken@example.org" } };
        await using var engine = await TestEngine.StartAsync(actions);
        await engine.Host.PublishAsync(HostFlows.LoginMail("counted", "metrics"));
        // The compile (timed once) may run behind the publish while the interpreter serves the flow.
        await engine.Host.WhenCompiledAsync();
        await engine.Host.RaiseAsync("account.login", HostFlows.Login(1));
        await engine.Host.RaiseAsync("account.login", HostFlows.Login(2, "broken@example.org"));

        Assert.Equal(2, measurements.Where(m => m is { Instrument: "flowc.runs", Flow: "counted" }).Sum(m => m.Value));
        Assert.Equal(1, measurements.Where(m => m is { Instrument: "flowc.run.failures", Flow: "counted" }).Sum(m => m.Value));
        Assert.Equal(2, measurements.Count(m => m is { Instrument: "flowc.run.duration", Flow: "counted" }));
        Assert.Single(measurements, m => m is { Instrument: "flowc.compile.duration", Flow: "counted" });
        var runs = activities.Where(a => a.OperationName == "flow.run" && (string?)a.GetTagItem("flow.id") == "counted").ToList();
        Assert.Equal(2, runs.Count);
        Assert.Contains(runs, a => (string?)a.GetTagItem("flow.status") == "Failed");
    }

    private static string? FlowOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "flow.id")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
