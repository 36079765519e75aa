using System.Globalization;
using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Interpretation;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Bench.Suites;

/// <summary>What happens to the event in a dispatch benchmark.</summary>
public enum DispatchCase
{
    /// <summary>A small server: every flow's filter says no.</summary>
    FilteredOut,

    /// <summary>A big server: every flow's filter passes and its HTML mail renders into the sink.</summary>
    Passing,
}

/// <summary>
/// One <c>server.created</c> event through 1, 10 and 100 published copies of <see cref="BenchFlows.Mail"/>
/// (each its own flow and assembly), as a host dispatches: for each flow on the event, skip it when
/// <c>Accepts</c> says no, else run it with fresh bookkeeping. Compiled vs the reference interpreter vs the
/// same flow written by hand (the baseline: the physical limit). Actions go into a <see cref="MailSink"/>.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private readonly MailSink _sink = new();
    private LoadedFlow[] _compiled = [];
    private FlowInterpreter[] _interpreted = [];
    private HandWrittenMailFlow[] _handWritten = [];
    private ServerEvent _event = BenchEvents.Server(2);

    /// <summary>How many flows listen to the event.</summary>
    [Params(1, 10, 100)]
    public int Flows { get; set; }

    /// <summary>Whether the filters pass.</summary>
    [Params(DispatchCase.FilteredOut, DispatchCase.Passing)]
    public DispatchCase Case { get; set; }

    /// <summary>Publishes the flows and checks that every alternative sends the same mails.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(0, Flows).Select(i => "dispatch-" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        // An array, as the host's dispatch table: foreach over an interface would allocate an enumerator.
        _compiled = [.. BenchCompiler.PublishAll([.. ids.Select(BenchFlows.Mail)])];
        _interpreted = [.. ids.Select(id => new FlowInterpreter(BenchCompiler.Bind(BenchFlows.Mail(id)).Flow))];
        _handWritten = [.. ids.Select(id => new HandWrittenMailFlow(id))];
        _event = BenchEvents.Server(Case == DispatchCase.Passing ? 16 : 2);

        var expected = Sent(HandWritten);
        Same(expected, Sent(Compiled), "compiled");
        Same(expected, Sent(Interpreter), "interpreted");

        // One-off work on a first call (stub back-patching, caches) must not count as per-event cost.
        foreach (var dispatch in new Func<Task>[] { HandWritten, Compiled, Interpreter })
        {
            for (var i = 0; i < 2_000; i++)
            {
                dispatch().GetAwaiter().GetResult();
            }
        }

        _sink.Clear();
    }

    /// <summary>The same flows written by hand.</summary>
    [Benchmark(Baseline = true)]
    public async Task HandWritten()
    {
        var e = _event;
        foreach (var flow in _handWritten)
        {
            if (!HandWrittenMailFlow.Accepts(e))
            {
                continue;
            }

            await flow.RunAsync(e, _sink, new FlowRun(flow.Descriptor), CancellationToken.None);
        }
    }

    /// <summary>The compiled flows, through their entry delegates.</summary>
    [Benchmark]
    public async Task Compiled()
    {
        object payload = _event;
        foreach (var flow in _compiled)
        {
            if (!flow.Accepts(payload))
            {
                continue;
            }

            await flow.Entry(payload, _sink, new FlowRun(flow.Descriptor), CancellationToken.None);
        }
    }

    /// <summary>The reference interpreter over the same bound flows.</summary>
    [Benchmark]
    public async Task Interpreter()
    {
        object payload = _event;
        foreach (var flow in _interpreted)
        {
            if (!flow.Accepts(payload))
            {
                continue;
            }

            await flow.RunAsync(payload, _sink, new FlowRun(flow.Descriptor), CancellationToken.None);
        }
    }

    /// <summary>Unloads the compiled flows.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var flow in _compiled)
        {
            flow.Unload();
        }
    }

    private (long Mails, string? Content) Sent(Func<Task> dispatch)
    {
        _sink.Clear();
        dispatch().GetAwaiter().GetResult();
        var sent = (_sink.Mails, _sink.LastMail?.Content + "|" + _sink.LastMail?.Subject);
        _sink.Clear();
        return sent;
    }

    private static void Same((long Mails, string? Content) expected, (long Mails, string? Content) actual, string what)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"the {what} flows sent {actual.Mails} mails ending \"{actual.Content}\", hand-written {expected.Mails} ending \"{expected.Content}\"");
        }
    }
}
