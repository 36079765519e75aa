using FlowCompiler.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

// In the namespace of IHealthChecksBuilder, as the health checks of ASP.NET Core and EF Core are.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The engine's health check, for <c>services.AddHealthChecks().AddFlowCompiler()</c>.</summary>
public static class FlowCompilerHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check.</summary>
    public const string DefaultName = "flowcompiler";

    /// <summary>
    /// Adds the engine's health: unhealthy (or <paramref name="failureStatus"/>) while start-up has not finished or
    /// has failed, or when the panel database cannot be reached; degraded when a flow could not be loaded or
    /// published at start-up, or the background queue is 80 % full; healthy otherwise. The result's data holds the
    /// active flows, the queued runs and the queue's capacity. Needs <c>AddFlowCompiler</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The name of the check.</param>
    /// <param name="failureStatus">The status reported when the engine is unhealthy; <see cref="HealthStatus.Unhealthy"/> unless set.</param>
    /// <param name="tags">Tags to filter checks by, e.g. <c>ready</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHealthChecksBuilder AddFlowCompiler(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<FlowCompilerHealthCheck>(name, failureStatus ?? HealthStatus.Unhealthy, tags ?? []);
    }
}
