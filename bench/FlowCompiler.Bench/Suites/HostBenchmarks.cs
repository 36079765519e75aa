using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Hosting;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// The panel's cost of one raise through <see cref="FlowHost.RaiseAsync"/> when 1 or 100 published flows
/// (<see cref="BenchFlows.Mail"/>, each its own assembly) listen to the event: filtered out by every flow
/// (the baseline), and passing every flow (100 mails rendered, 100 run records queued to SQLite). The
/// inverse of a time is the events per second one thread can raise.
/// </summary>
[MemoryDiagnoser]
public class HostBenchmarks
{
    private const string EventName = "server.created";

    private readonly MailSink _sink = new();
    private readonly ServerEvent _small = BenchEvents.Server(BenchFlows.MailThreshold - 4);
    private readonly ServerEvent _big = BenchEvents.Server(BenchFlows.MailThreshold * 2);
    private BenchHost? _host;

    /// <summary>How many published flows listen to the event.</summary>
    [Params(1, 100)]
    public int Flows { get; set; }

    /// <summary>Publishes the flows and checks both cases do what they claim.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _host = BenchHost.StartAsync(BenchCompiler.SharedCacheFolder, _sink).GetAwaiter().GetResult();
        for (var i = 0; i < Flows; i++)
        {
            _host.PublishAsync(BenchFlows.Mail($"host-mail-{i}")).GetAwaiter().GetResult();
            _host.SettleAsync().GetAwaiter().GetResult();
        }

        if (FilteredOut().Result.Count != 0 || Passing().Result.Count != Flows || _sink.Mails != Flows)
        {
            throw new InvalidOperationException("the small server must be filtered out by every flow, the big one pass every flow");
        }
    }

    /// <summary>No flow accepts the event.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<IReadOnlyList<CompletedRun>> FilteredOut() => _host!.Host.RaiseAsync(EventName, _small);

    /// <summary>Every flow runs and sends its mail.</summary>
    [Benchmark]
    public ValueTask<IReadOnlyList<CompletedRun>> Passing() => _host!.Host.RaiseAsync(EventName, _big);

    /// <summary>Writes the queued run records and stops the host.</summary>
    [GlobalCleanup]
    public void Cleanup() => _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
