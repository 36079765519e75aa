using System.Text;
using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Validation;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// The compiler in a warm process: compiling 1-, 10- and 100-node flows (emit + Roslyn + PDB; the
/// baseline is the 1-node flow), a cache-hit load from the flow file to a callable delegate, the first
/// invoke of a freshly loaded flow with and without <see cref="LoadedFlow.Prepare"/> (which the host runs in
/// the background after each load, so events do not wait for the JIT), Prepare itself, and validating a
/// 1,000-node flow.
/// One operation per iteration: a load or a first invoke cannot be repeated in a loop.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class CompilerBenchmarks
{
    private readonly MailSink _sink = new();
    private readonly ServerEvent _event = BenchEvents.Server(16);
    private readonly List<LoadedFlow> _loaded = [];
    private (BoundFlow Flow, string Hash) _one;
    private (BoundFlow Flow, string Hash) _ten;
    private (BoundFlow Flow, string Hash) _hundred;
    private byte[] _thousandNodes = [];
    private string _folder = "";
    private string _mailFile = "";
    private CompiledFlow? _mail;
    private LoadedFlow? _fresh;

    /// <summary>Binds the flows, warms Roslyn, and puts the mail flow in a disk cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _one = Hashed(LargeFlow.Build(1));
        _ten = Hashed(LargeFlow.Build(10));
        _hundred = Hashed(LargeFlow.Build(100));
        _thousandNodes = Encoding.UTF8.GetBytes(LargeFlow.Build(1000));
        FlowAssemblyCompiler.Compile(_ten.Flow, _ten.Hash);

        _folder = Path.Combine(Path.GetTempPath(), "flowc-bench-load-" + Environment.ProcessId);
        _mailFile = Path.Combine(_folder, "mail.json");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(_mailFile, BenchFlows.Mail("load-mail"));
        var (flow, canonical) = BenchCompiler.Bind(File.ReadAllText(_mailFile));
        _mail = new FlowCache(_folder).GetOrCompileAsync(flow, canonical).GetAwaiter().GetResult().Flow;
    }

    /// <summary>A flow with only its trigger.</summary>
    [Benchmark(Baseline = true)]
    public CompiledFlow WarmCompile1Node() => FlowAssemblyCompiler.Compile(_one.Flow, _one.Hash);

    /// <summary>A 10-node flow: filters, joins, templates, webhooks with JSON bodies.</summary>
    [Benchmark]
    public CompiledFlow WarmCompile10Nodes() => FlowAssemblyCompiler.Compile(_ten.Flow, _ten.Hash);

    /// <summary>A 100-node flow of the same shape.</summary>
    [Benchmark]
    public CompiledFlow WarmCompile100Nodes() => FlowAssemblyCompiler.Compile(_hundred.Flow, _hundred.Hash);

    /// <summary>
    /// What a restart costs per flow: read the flow file, validate it, hash its canonical bytes, find the
    /// assembly in the disk cache (a new cache object, so memory does not help), check it and load it.
    /// </summary>
    [Benchmark]
    public FlowEntryPoint CacheHitLoad()
    {
        var (flow, canonical) = BenchCompiler.Bind(Encoding.UTF8.GetString(File.ReadAllBytes(_mailFile)));
        var outcome = new FlowCache(_folder).GetOrCompileAsync(flow, canonical).GetAwaiter().GetResult();
        if (!outcome.CacheHit)
        {
            throw new InvalidOperationException("the mail flow must come from the disk cache");
        }

        var loaded = LoadedFlow.Load(outcome.Flow);
        _loaded.Add(loaded);
        return loaded.Entry;
    }

    /// <summary>Loads the mail flow into a new context before each first invoke or prepare.</summary>
    [IterationSetup(Targets = [nameof(FirstInvokeAfterLoad), nameof(PrepareAfterLoad)])]
    public void LoadFresh() => _fresh = LoadedFlow.Load(_mail!);

    /// <summary>Loads the mail flow into a new context and prepares it, as the host does, before each first invoke.</summary>
    [IterationSetup(Target = nameof(FirstInvokeAfterPrepare))]
    public void LoadAndPrepareFresh()
    {
        LoadFresh();
        _fresh!.Prepare();
    }

    /// <summary>The first run of a freshly loaded flow (passing, mail rendered): its code is JIT-compiled now.</summary>
    [Benchmark]
    public Task FirstInvokeAfterLoad() => _fresh!.Entry(_event, _sink, new FlowRun(_fresh.Descriptor), CancellationToken.None);

    /// <summary>JIT-compiling a freshly loaded flow's methods ahead of its first event: what the host does in the background.</summary>
    [Benchmark]
    public void PrepareAfterLoad() => _fresh!.Prepare();

    /// <summary>The first run of a freshly loaded flow that was prepared: what the first event after a publish costs.</summary>
    [Benchmark]
    public Task FirstInvokeAfterPrepare() => _fresh!.Entry(_event, _sink, new FlowRun(_fresh.Descriptor), CancellationToken.None);

    /// <summary>Validation of a 1,000-node flow.</summary>
    [Benchmark]
    public bool Validate1000Nodes() => FlowValidator.Validate(_thousandNodes).HasErrors;

    /// <summary>Unloads what the iteration loaded.</summary>
    [IterationCleanup]
    public void UnloadIteration()
    {
        _fresh?.Unload();
        _fresh = null;
        foreach (var flow in _loaded)
        {
            flow.Unload();
        }

        _loaded.Clear();
    }

    /// <summary>Removes the disk cache.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private static (BoundFlow Flow, string Hash) Hashed(string json)
    {
        var (flow, canonical) = BenchCompiler.Bind(json);
        return (flow, ContentHash.Of(canonical));
    }
}
