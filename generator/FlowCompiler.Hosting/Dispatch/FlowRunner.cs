using FlowCompiler.Hosting.Records;
using FlowCompiler.Hosting.Telemetry;
using FlowCompiler.Runtime.Execution;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// Runs one flow version for one event, isolated: bounded concurrency (per flow, then overall), a per-run
/// timeout, and nothing the flow does — throw, hang, ignore cancellation — escapes to the caller or to
/// other flows. Every run ends as a <see cref="CompletedRun"/> that is recorded and counted.
/// </summary>
internal sealed partial class FlowRunner
{
    private readonly IFlowServices _services;
    private readonly FlowHostOptions _options;
    private readonly RunRecorder _recorder;
    private readonly FlowTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;

    public FlowRunner(IFlowServices services, FlowHostOptions options, RunRecorder recorder, FlowTelemetry telemetry, TimeProvider time, ILogger logger)
    {
        _services = services;
        _options = options;
        _recorder = recorder;
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
        _slots = new SemaphoreSlim(options.MaxConcurrentRuns, options.MaxConcurrentRuns);
    }

    /// <summary>Runs <paramref name="flow"/> once and records it; never throws except when <paramref name="ct"/> cancels the wait for a slot.</summary>
    public async Task<CompletedRun> RunAsync(ActiveFlow flow, string eventName, object payload, CancellationToken ct)
    {
        // Time-ordered ids: the records' primary-key index grows at its end instead of at random pages, which keeps a
        // batch's commit small (and a burst of records fast) however large the runs table is.
        var (run, _) = await RunGatedAsync(flow, eventName, payload, _services, Guid.CreateVersion7(_time.GetUtcNow()), ct);
        // Waits only when records fall behind (backpressure), else completes at once.
        await _recorder.RecordAsync(run, payload);
        return run;
    }

    /// <summary>
    /// Runs one attempt of a durable run with its own services (idempotency keys, the ledger) and returns it with what
    /// each failed node threw, unrecorded: the queue writes the record when it settles the run. Never throws.
    /// </summary>
    public Task<(CompletedRun Run, IReadOnlyList<NodeFault> Faults)> RunDurableAsync(ActiveFlow flow, string eventName, object payload, IFlowServices services, Guid runId) =>
        RunGatedAsync(flow, eventName, payload, services, runId, CancellationToken.None);

    private async Task<(CompletedRun Run, IReadOnlyList<NodeFault> Faults)> RunGatedAsync(ActiveFlow flow, string eventName, object payload, IFlowServices services, Guid runId, CancellationToken ct)
    {
        // The flow's own gate first: a flow whose runs hang fills its own slots, not everyone's.
        await flow.Gate.WaitAsync(ct);
        var releaseFlowGate = true;
        try
        {
            await _slots.WaitAsync(ct);
            try
            {
                var (run, faults, abandoned) = await ExecuteAsync(flow, eventName, payload, services, runId, ct);
                if (abandoned is not null)
                {
                    // The flow ignored cancellation: its slot stays taken until its code really returns.
                    releaseFlowGate = false;
                    _ = abandoned.ContinueWith(_ => flow.Gate.Release(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                }

                _telemetry.RunFinished(run);
                if (run.Failed)
                {
                    LogFailed(_logger, run.FlowId, run.Version, eventName, run.Error ?? FirstNodeError(run));
                }

                return (run, faults);
            }
            finally
            {
                _slots.Release();
            }
        }
        finally
        {
            if (releaseFlowGate)
            {
                flow.Gate.Release();
            }
        }
    }

    private async Task<(CompletedRun Run, IReadOnlyList<NodeFault> Faults, Task? Abandoned)> ExecuteAsync(
        ActiveFlow flow, string eventName, object payload, IFlowServices services, Guid runId, CancellationToken ct)
    {
        using var activity = FlowTelemetry.StartRun(flow.Id, flow.Version, eventName);
        var startedAt = _time.GetUtcNow();
        var record = new FlowRun(flow.Descriptor);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.RunTimeout);

        Task entry;
        try
        {
            entry = flow.Entry(payload, services, record, deadline.Token);
        }
        catch (Exception e)
        {
            entry = Task.FromException(e);
        }

        string? error = null;
        Task? abandoned = null;
        try
        {
            // WaitAsync returns at the deadline even when the flow's code does not observe its token.
            await entry.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            error = ct.IsCancellationRequested
                ? "The run was cancelled by the caller."
                : $"The run timed out after {_options.RunTimeout.TotalSeconds:0.###} s ({FlowHostOptions.Section}:RunTimeout).";
            record.Abort(error);
            abandoned = entry.IsCompleted ? null : entry;
        }
        catch (Exception e)
        {
            error = "The flow stopped outside any node: " + e.Message;
            record.Abort(error);
        }

        var result = record.ToResult();
        activity?.SetTag("flow.status", result.Status.ToString());
        return (new CompletedRun(runId, flow.Id, flow.Version, eventName, startedAt, result, error) { Tier = flow.Tier }, record.Faults, abandoned);
    }

    private static string FirstNodeError(CompletedRun run)
    {
        foreach (var node in run.Result.Nodes)
        {
            if (node.Status == NodeStatus.Failed)
            {
                return $"node {node.Id}: {node.Error}";
            }
        }

        return "failed";
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Flow {FlowId} v{Version} failed on {EventName}: {Error}")]
    private static partial void LogFailed(ILogger logger, string flowId, int version, string eventName, string error);
}
