using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Tests.Hosting;

namespace FlowCompiler.Tests.Compiler;

/// <summary>Several flow versions in one collectible context: it lives while any of them does, and no longer.</summary>
[Collection(nameof(UnloadCollection))]
public sealed class LoadContextTests
{
    [Fact]
    public void Flows_loaded_together_share_one_context_that_unloads_with_the_last_of_them()
    {
        var compiled = Enumerable.Range(0, 3).Select(Variant).ToArray();

        var (context, flows) = LoadAndReleaseAllButOne(compiled);
        Collect();
        Assert.True(context.IsAlive, "the context unloaded while one of its flows was still in use");

        ReleaseAndRun(flows);
        Collect();
        Assert.False(context.IsAlive, "the context was not collected after all its flows were released");
    }

    [Fact]
    public void Releasing_a_flow_twice_counts_once()
    {
        var flows = FlowLoadContext.LoadTogether([Variant(0), Variant(1), Variant(2), Variant(3)]);

        flows[0].Unload();
        flows[0].Unload();
        var sparseAfterOne = flows[1].Context.IsSparse;
        flows[1].Unload();

        Assert.Equal((4, 2), (flows[2].Context.Size, flows[2].Context.Live));
        Assert.False(sparseAfterOne);
        Assert.True(flows[2].Context.IsSparse);
        Assert.Same(flows[2].Context, flows[3].Context);
        flows[2].Unload();
        flows[3].Unload();
    }

    [Fact]
    public void An_open_context_takes_flows_until_closed_and_unloads_once_closed_and_empty()
    {
        var context = OpenWithTwoReleasedFlows(out var alive);
        Collect();
        Assert.True(alive.IsAlive, "an open context unloaded while it could still take flows");

        context.Close();
        var refused = Assert.Throws<InvalidOperationException>(() => context.Load(Variant(2)));
        context = null!;
        Collect();

        Assert.Contains("closed", refused.Message, StringComparison.Ordinal);
        Assert.False(alive.IsAlive, "a closed context without live flows was not collected");
    }

    [Fact]
    public void An_audit_violation_in_one_flow_loads_none_of_them()
    {
        var evil = new CompiledFlow("evil", "Evil", File.ReadAllBytes(typeof(File).Assembly.Location), [], "");

        var bug = Assert.Throws<FlowCompilerBugException>(() => FlowLoadContext.LoadTogether([Variant(0), evil]));

        Assert.Equal("Evil", bug.FlowId);
    }

    [Fact]
    public void After_prepare_the_first_run_needs_almost_no_jit()
    {
        var compiled = Variant(0);
        RunOnce(LoadedFlow.Load(compiled), out _);

        var unprepared = LoadedFlow.Load(compiled);
        RunOnce(unprepared, out var jittedByUnpreparedRun);

        var prepared = LoadedFlow.Load(compiled);
        var before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        prepared.Prepare();
        var jittedByPrepare = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;
        RunOnce(prepared, out var jittedByPreparedRun);

        Assert.True(jittedByPrepare >= jittedByUnpreparedRun, $"Prepare compiled {jittedByPrepare} methods, a first run {jittedByUnpreparedRun}");
        Assert.True(jittedByPreparedRun * 4 <= jittedByUnpreparedRun, $"after Prepare the first run still compiled {jittedByPreparedRun} methods (without: {jittedByUnpreparedRun})");
    }

    // In-memory services complete synchronously, so the whole run happens on this thread and its JIT is counted.
    private static void RunOnce(LoadedFlow flow, out long jitted)
    {
        var services = new InMemoryFlowServices();
        var before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        var result = flow.RunAsync(new UserEvent { Id = 7, Name = "Ada", Email = "ada@example.org" }, services).GetAwaiter().GetResult();
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;
        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Single(services.Calls);
        flow.Unload();
    }

    internal static CompiledFlow Variant(int i)
    {
        var (flow, canonical) = CompilerTestFlows.Bind(Encoding.UTF8.GetString(HostFlows.LoginMail($"context-{i}", $"m{i}")));
        return TestEngine.SharedCache.GetOrCompileAsync(flow, canonical).GetAwaiter().GetResult().Flow;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FlowLoadContext OpenWithTwoReleasedFlows(out WeakReference alive)
    {
        var context = new FlowLoadContext("open");
        var first = context.Load(Variant(0));
        var second = context.Load(Variant(1));
        alive = new WeakReference(AssemblyLoadContext.GetLoadContext(first.Entry.Method.DeclaringType!.Assembly));
        first.Unload();
        second.Unload();
        Assert.Equal((2, 0, false), (context.Size, context.Live, context.IsClosed));
        return context;
    }

    // Not inlined: no local may keep a flow or its context alive while the caller collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Context, LoadedFlow[] Flows) LoadAndReleaseAllButOne(CompiledFlow[] compiled)
    {
        var flows = FlowLoadContext.LoadTogether(compiled).ToArray();
        var context = new WeakReference(AssemblyLoadContext.GetLoadContext(flows[0].Entry.Method.DeclaringType!.Assembly));
        flows[0].Unload();
        flows[1].Unload();
        return (context, [flows[2]]);
    }

    // The last flow still runs after its neighbours were released; then it is released too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReleaseAndRun(LoadedFlow[] flows)
    {
        var services = new InMemoryFlowServices();
        var result = flows[0].RunAsync(new UserEvent { Id = 7, Name = "Ada", Email = "ada@example.org" }, services).GetAwaiter().GetResult();
        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Single(services.Calls);
        flows[0].Unload();
        flows[0] = null!;
    }

    private static void Collect()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }
}
