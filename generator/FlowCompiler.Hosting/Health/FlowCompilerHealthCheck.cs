using FlowCompiler.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FlowCompiler.Hosting.Health;

/// <summary>
/// The engine's health for <c>AddHealthChecks().AddFlowCompiler()</c>: unhealthy while start-up has not finished or
/// has failed, or when the panel database cannot be reached; degraded when a flow could not be loaded or published
/// at start-up, or dead runs wait in the durable queue for someone to replay or re-run them; healthy otherwise. The
/// data carry the queue's depth (<c>queuedRuns</c>, <c>deadRuns</c>).
/// </summary>
internal sealed class FlowCompilerHealthCheck(IFlowHost host, PanelDbContextFactory database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["activeFlows"] = host.Active.Count };

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
            var (pending, dead) = await host.CountQueuedRunsAsync(cancellationToken);
            data["queuedRuns"] = pending;
            data["deadRuns"] = dead;
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

        if ((int)data["deadRuns"] > 0)
        {
            return HealthCheckResult.Degraded($"{data["deadRuns"]} runs are dead: 'flowc runs --dead' lists them; replay or re-run them.", data: data);
        }

        return HealthCheckResult.Healthy($"{host.Active.Count} flows active, {data["queuedRuns"]} runs queued.", data);
    }
}
