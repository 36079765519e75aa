using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// The per-event cost of one flow (<see cref="BenchFlows.Mail"/>, passing, mail rendered) alone (the
/// baseline) and with 1,000 other published flows listening to other events: it must not grow with them.
/// Measured over loaded flows indexed by event (the flows' own cost), and through the product's
/// <see cref="FlowHost.RaiseAsync"/> (dispatch table, per-flow concurrency limit, run record queued to SQLite).
/// </summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    /// <summary>How many other flows the crowded registry holds.</summary>
    public const int OtherFlows = 1000;

    private const string EventName = "server.created";

    private readonly MailSink _sink = new();
    private readonly ServerEvent _event = BenchEvents.Server(16);
    private IReadOnlyList<LoadedFlow> _flows = [];
    private EventRegistry? _alone;
    private EventRegistry? _crowded;
    private BenchHost? _hostAlone;
    private BenchHost? _hostCrowded;

    /// <summary>Loads the flow and the 1,000 others together, as a host does at start, and indexes them by event.</summary>
    [GlobalSetup(Targets = [nameof(OneFlowAlone), nameof(OneFlowAmongOthers)])]
    public void SetupRegistries()
    {
        _flows = BenchCompiler.PublishAll([BenchFlows.Mail("scale-mail"), .. Enumerable.Range(0, OtherFlows).Select(BenchFlows.Other)]);
        _alone = new EventRegistry(_flows.Take(1));
        _crowded = new EventRegistry(_flows);
        if (_crowded.CountOn(EventName) != 1 || _flows.Count != OtherFlows + 1)
        {
            throw new InvalidOperationException("the other flows must listen to other events");
        }

        CheckOneMail(OneFlowAmongOthers);
    }

    /// <summary>A host with the flow alone.</summary>
    [GlobalSetup(Target = nameof(ViaHostAlone))]
    public void SetupHostAlone()
    {
        _hostAlone = BenchHost.StartAsync(BenchCompiler.SharedCacheFolder, _sink).GetAwaiter().GetResult();
        _hostAlone.PublishAsync(BenchFlows.Mail("scale-mail")).GetAwaiter().GetResult();
        _hostAlone.SettleAsync().GetAwaiter().GetResult();
        CheckOneMail(ViaHostAlone);
    }

    /// <summary>
    /// A host with the flow and the 1,000 others published one by one (the costly setup, done only for this
    /// case). The others are not JIT-compiled ahead (<see cref="FlowHostOptions.PrepareFlows"/> off): they never
    /// run here, and warming 1,000 flows would cost the suite half a minute.
    /// </summary>
    [GlobalSetup(Target = nameof(ViaHostAmongOthers))]
    public void SetupHostCrowded()
    {
        _hostCrowded = BenchHost.StartAsync(BenchCompiler.SharedCacheFolder, _sink, new FlowHostOptions { PrepareFlows = false }).GetAwaiter().GetResult();
        foreach (var json in Enumerable.Range(0, OtherFlows).Select(BenchFlows.Other).Prepend(BenchFlows.Mail("scale-mail")))
        {
            _hostCrowded.PublishAsync(json).GetAwaiter().GetResult();
        }

        _hostCrowded.SettleAsync().GetAwaiter().GetResult();
        CheckOneMail(ViaHostAmongOthers);
    }

    /// <summary>The flow is the only one published.</summary>
    [Benchmark(Baseline = true)]
    public Task OneFlowAlone() => _alone!.RaiseAsync(EventName, _event, _sink);

    /// <summary>The flow among 1,000 others on other events.</summary>
    [Benchmark]
    public Task OneFlowAmongOthers() => _crowded!.RaiseAsync(EventName, _event, _sink);

    /// <summary>Through the host, the flow the only one published.</summary>
    [Benchmark]
    public async Task ViaHostAlone() => Check(await _hostAlone!.Host.RaiseAsync(EventName, _event));

    /// <summary>Through the host, the flow among 1,000 others on other events.</summary>
    [Benchmark]
    public async Task ViaHostAmongOthers() => Check(await _hostCrowded!.Host.RaiseAsync(EventName, _event));

    /// <summary>Stops the hosts and unloads the flows the case set up.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _hostAlone?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _hostCrowded?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var flow in _flows)
        {
            flow.Unload();
        }

        (_hostAlone, _hostCrowded, _flows) = (null, null, []);
    }

    private void CheckOneMail(Func<Task> raise)
    {
        _sink.Clear();
        raise().GetAwaiter().GetResult();
        if (_sink.Mails != 1)
        {
            throw new InvalidOperationException("the flow must send its mail, once");
        }
    }

    private static void Check(IReadOnlyList<CompletedRun> runs)
    {
        if (runs.Count != 1 || runs[0].Failed)
        {
            throw new InvalidOperationException("exactly one run, succeeded, was expected");
        }
    }
}
