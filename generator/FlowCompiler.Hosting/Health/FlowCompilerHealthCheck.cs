using FlowCompiler.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FlowCompiler.Hosting.Health;

/// <summary>
/// The engine's health for <c>AddHealthChecks().AddFlowCompiler()</c>: unhealthy while start-up has not finished or
/// has failed, or when the panel database cannot be reached; degraded when a flow could not be loaded or published
/// at start-up, or the background queue is at least <see cref="DegradedQueueShare"/> full; healthy otherwise.
/// </summary>
internal sealed class FlowCompilerHealthCheck(IFlowHost host, PanelDbContextFactory database, IOptions<FlowHostOptions> options) : IHealthCheck
{
    /// <summary>How full the background queue may get before the engine reports itself degraded: runs are falling behind.</summary>
    public const double DegradedQueueShare = 0.8;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var capacity = options.Value.QueueCapacity;
        var queued = host.QueuedRuns;
        var data = new Dictionary<string, object>
        {
            ["activeFlows"] = host.Active.Count,
            ["queuedRuns"] = queued,
            ["queueCapacity"] = capacity,
        };

        if (!host.IsReady)
        {
            return host.Ready.IsFaulted
                ? new HealthCheckResult(context.Registration.FailureStatus, "The flow host failed to start.", host.Ready.Exception?.InnerException, data)
                : new HealthCheckResult(context.Registration.FailureStatus, "The flow host is starting: no flow runs yet.", data: data);
        }

        try
        {
            // Opening a connection, rather than CanConnect, so a failure comes with the explanation of PanelDatabaseException.
            await database.UseAsync(async db =>
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (PanelDatabaseException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message, e, data);
        }

        var failed = (await host.Ready).Failed;
        if (failed.Count > 0)
        {
            data["failedAtStartup"] = failed;
            return HealthCheckResult.Degraded($"{failed.Count} flows could not be loaded or published at start-up: {string.Join(", ", failed)}.", data: data);
        }

        if (queued >= capacity * DegradedQueueShare)
        {
            return HealthCheckResult.Degraded($"The background queue holds {queued} of {capacity} runs: runs are falling behind.", data: data);
        }

        return HealthCheckResult.Healthy($"{host.Active.Count} flows active, {queued} runs queued.", data);
    }
}
