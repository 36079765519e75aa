using FlowCompiler.Hosting.Telemetry;

// In the namespace of MeterProviderBuilder, as OpenTelemetry's own instrumentation extensions are.
namespace OpenTelemetry.Metrics;

/// <summary>The engine's metrics for OpenTelemetry: <c>.WithMetrics(m =&gt; m.AddFlowCompilerInstrumentation())</c>.</summary>
public static class FlowCompilerMeterProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes to the engine's meter: <c>flowc.runs</c>, <c>flowc.run.failures</c>, <c>flowc.run.duration</c>,
    /// <c>flowc.compile.duration</c> and <c>flowc.cache.hits</c>, each tagged with the flow id.
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder.</returns>
    public static MeterProviderBuilder AddFlowCompilerInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(FlowTelemetry.Name);
    }
}
