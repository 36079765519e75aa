using System.Globalization;
using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// Why the host shares load contexts: one filtered-out <c>server.created</c> event through the same 100 compiled
/// flows, loaded into one shared collectible context (as the host loads them at start and after a repack) or each
/// into its own (as a naive host would, and as each publish does until the next repack).
/// </summary>
[MemoryDiagnoser]
public class LoadContextBenchmarks
{
    private const int Flows = 100;
    private readonly object _event = BenchEvents.Server(2);
    private IReadOnlyList<LoadedFlow> _shared = [];
    private LoadedFlow[] _own = [];

    /// <summary>Loads the flows both ways and checks both filter the event out.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(0, Flows).Select(i => "dispatch-" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        _shared = BenchCompiler.PublishAll([.. ids.Select(BenchFlows.Mail)]);
        _own = [.. _shared.Select(f => LoadedFlow.Load(f.Compiled))];
        if (SharedContext() != 0 || OwnContexts() != 0)
        {
            throw new InvalidOperationException("a flow accepted an event its filter must reject");
        }
    }

    /// <summary>The 100 flows in one shared context.</summary>
    [Benchmark(Baseline = true)]
    public int SharedContext() => Accepting(_shared);

    /// <summary>The same 100 flows, each in a context of its own.</summary>
    [Benchmark]
    public int OwnContexts() => Accepting(_own);

    /// <summary>Unloads the flows.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var flow in _shared.Concat(_own))
        {
            flow.Unload();
        }
    }

    private int Accepting(IReadOnlyList<LoadedFlow> flows)
    {
        var accepted = 0;
        for (var i = 0; i < flows.Count; i++)
        {
            accepted += flows[i].Accepts(_event) ? 1 : 0;
        }

        return accepted;
    }
}
