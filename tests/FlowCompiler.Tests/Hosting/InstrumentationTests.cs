using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FlowCompiler.Tests.Hosting;

/// <summary><c>AddFlowCompilerInstrumentation()</c> brings the engine's traces and metrics into an OpenTelemetry pipeline.</summary>
public sealed class InstrumentationTests
{
    [Fact]
    public async Task Runs_are_traced_and_counted_through_the_opentelemetry_sdk()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddFlowCompilerInstrumentation().AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddFlowCompilerInstrumentation().AddInMemoryExporter(metrics).Build();

        await using (var engine = await TestEngine.StartAsync(new ActionSink()))
        {
            await engine.Host.PublishAsync(HostFlows.LoginMail("otel-login", "instrumented"));
            await engine.Host.RaiseAsync("account.login", HostFlows.Login(1));
        }

        tracing.ForceFlush();
        metering.ForceFlush();

        Assert.Contains(spans, s => s.OperationName == "flow.run" && (string?)s.GetTagItem("flow.id") == "otel-login");
        Assert.Contains(spans, s => s.OperationName == "flow.publish" && (string?)s.GetTagItem("flow.id") == "otel-login");
        Assert.Contains(metrics, m => m.Name == "flowc.runs");
        Assert.Contains(metrics, m => m.Name == "flowc.run.duration");
    }
}
