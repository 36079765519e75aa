using FlowCompiler.Hosting.Telemetry;

// In the namespace of TracerProviderBuilder, as OpenTelemetry's own instrumentation extensions are.
namespace OpenTelemetry.Trace;

/// <summary>The engine's traces for OpenTelemetry: <c>.WithTracing(t =&gt; t.AddFlowCompilerInstrumentation())</c>.</summary>
public static class FlowCompilerTracerProviderBuilderExtensions
{
    /// <summary>Subscribes to the engine's activities: one <c>flow.run</c> per run and one <c>flow.publish</c> per publish, tagged with the flow id.</summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder.</returns>
    public static TracerProviderBuilder AddFlowCompilerInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(FlowTelemetry.Name);
    }
}
