using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// The per-event cost of one flow (<see cref="BenchFlows.Mail"/>, passing, mail rendered) alone (the
/// baseline) and with 1,000 other published flows listening to other events: it must not grow with them.
/// </summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    /// <summary>How many other flows the crowded registry holds.</summary>
    public const int OtherFlows = 1000;

    private const string EventName = "server.created";

    private readonly MailSink _sink = new();
    private readonly ServerEvent _event = BenchEvents.Server(16);
    private LoadedFlow[] _flows = [];
    private EventRegistry? _alone;
    private EventRegistry? _crowded;

    /// <summary>Publishes the flow and the 1,000 others.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _flows = BenchCompiler.PublishAll([BenchFlows.Mail("scale-mail"), .. Enumerable.Range(0, OtherFlows).Select(BenchFlows.Other)]);
        _alone = new EventRegistry(_flows.Take(1));
        _crowded = new EventRegistry(_flows);
        if (_crowded.CountOn(EventName) != 1 || _flows.Length != OtherFlows + 1)
        {
            throw new InvalidOperationException("the other flows must listen to other events");
        }

        _sink.Clear();
        OneFlowAmongOthers().GetAwaiter().GetResult();
        if (_sink.Mails != 1)
        {
            throw new InvalidOperationException("the flow must send its mail");
        }
    }

    /// <summary>The flow is the only one published.</summary>
    [Benchmark(Baseline = true)]
    public Task OneFlowAlone() => _alone!.RaiseAsync(EventName, _event, _sink);

    /// <summary>The flow among 1,000 others on other events.</summary>
    [Benchmark]
    public Task OneFlowAmongOthers() => _crowded!.RaiseAsync(EventName, _event, _sink);

    /// <summary>Unloads every flow.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var flow in _flows)
        {
            flow.Unload();
        }
    }
}
