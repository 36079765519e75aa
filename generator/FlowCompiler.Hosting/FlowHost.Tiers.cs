using System.Diagnostics;
using System.Text;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Hosting.Dispatch;
using Microsoft.Extensions.Logging;

namespace FlowCompiler.Hosting;

// Tiered activation: a version the compile cache does not hold is served by the reference interpreter at once and
// compiled in the background; its compiled code takes over, the same version, when it is loaded and prepared.
public sealed partial class FlowHost
{
    // The flow the warm-up validates: a filter and a mail, the shape most flows start with.
    private static readonly byte[] WarmUpFlow = Encoding.UTF8.GetBytes(
        """
        { "format": "flowc/1", "id": "flowc-warm-up", "name": "Warm-up",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "account.login" } },
            { "id": "known", "type": "filter", "parameters": { "field": "id", "operation": ">", "value": 0 } },
            { "id": "mail", "type": "sendMail", "parameters": { "to": "{{email}}", "subject": "Hello {{name}}", "content": "Hello" } } ],
          "edges": [ { "from": "trigger", "to": "known" }, { "from": "known", "port": "true", "to": "mail" } ] }
        """);

    // Whether this version must wait for Roslyn to run compiled, so the interpreter should serve it meanwhile.
    private bool ServesInterpretedFirst(ReadOnlyMemory<byte> canonical) => _options.TieredActivation && !_cache.Holds(canonical);

    // The interpreter for the version, and the background compile that replaces it.
    private ActiveFlow Interpreted(BoundFlow flow, ReadOnlyMemory<byte> canonical, int version)
    {
        var interpreted = ActiveFlow.Interpreted(new FlowInterpreter(flow), version, _options.MaxConcurrentRunsPerFlow);
        CompileInBackground(interpreted, flow, canonical);
        return interpreted;
    }

    // Compiled, loaded and JIT-prepared off the caller's path, then swapped in if the interpreted version is still the one
    // serving (runs in flight finish on the interpreter). A compiler bug leaves the interpreter serving; it is logged.
    private void CompileInBackground(ActiveFlow interpreted, BoundFlow flow, ReadOnlyMemory<byte> canonical)
    {
        _background.Run(async ct =>
        {
            var clock = Stopwatch.StartNew();
            var attempt = await CompileAsync(flow, canonical, interpreted.Id, ct);
            if (attempt.Flow is not { } compiled)
            {
                LogStaysInterpreted(_loadLog, interpreted.Id, interpreted.Version, attempt.Error!);
                return;
            }

            if (_loader.LoadPublished(compiled, interpreted.Id, out var error) is not { } loaded)
            {
                LogStaysInterpreted(_loadLog, interpreted.Id, interpreted.Version, error!);
                return;
            }

            if (_options.PrepareFlows)
            {
                _loader.Prepare([loaded], ct);
            }

            await _publishing.WaitAsync(ct);
            try
            {
                if (_table.Find(interpreted.Id) != interpreted)
                {
                    // Replaced or unpublished meanwhile: the newer state stands.
                    loaded.Unload();
                    return;
                }

                Volatile.Write(ref _table, _table.With(interpreted.Reloaded(loaded)));
                LogCompiled(_loadLog, interpreted.Id, interpreted.Version, clock.Elapsed.TotalMilliseconds);
            }
            finally
            {
                _publishing.Release();
            }

            ScheduleRepack();
        });
    }

    // A publish in a fresh process pays the JIT of the validator, the binder, the interpreter and the store's queries
    // (about 200 ms here). With tiered activation that is most of what a publish costs, so the host pays it once after
    // start-up, in the background, on a flow of its own that is validated and read for, never stored.
    private void WarmUpPublishing()
    {
        if (!_options.TieredActivation)
        {
            return;
        }

        _background.Run(async ct =>
        {
            var validation = FlowValidator.Validate(WarmUpFlow);
            if (validation.Flow is { } flow)
            {
                _ = new FlowInterpreter(flow);
                await _store.LatestAsync(flow.Id, ct);
            }
        });
    }

    /// <summary>
    /// Completes when every flow version served by the interpreter at the time of the call runs compiled, or stays
    /// interpreted for good (its compile failed and was logged): for a one-shot tool that must not exit mid-compile.
    /// </summary>
    public Task WhenCompiledAsync(CancellationToken ct = default) => _background.Idle.WaitAsync(ct);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Flow {FlowId} v{Version} runs compiled now (compiled and prepared in {Milliseconds:0} ms while the interpreter served it)")]
    private static partial void LogCompiled(ILogger logger, string flowId, int version, double milliseconds);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "Flow {FlowId} v{Version} stays on the interpreter: its compiled code is not available: {Reason}")]
    private static partial void LogStaysInterpreted(ILogger logger, string flowId, int version, string reason);
}
