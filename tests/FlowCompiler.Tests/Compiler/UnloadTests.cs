using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Compiler;

/// <summary>Runs alone: it measures the managed heap, which tests running beside it would disturb.</summary>
[CollectionDefinition(nameof(UnloadCollection), DisableParallelization = true)]
public sealed class UnloadCollection;

/// <summary>
/// Republishing a flow replaces its loaded version, whose collectible context must then be collected. A pool of
/// 20 compiled variants (compiling 500 distinct flows would cost ~20 s) is loaded 500 times: every load makes a
/// new context, exactly as a publish does.
/// </summary>
[Collection(nameof(UnloadCollection))]
public sealed class UnloadTests
{
    private const int Variants = 20;
    private const int Publishes = 500;
    private const long HeapGrowthLimit = 8 * 1024 * 1024;

    [Fact]
    public void Republishing_a_changing_flow_500_times_collects_every_old_context_and_keeps_memory_bounded()
    {
        var variants = Enumerable.Range(0, Variants).Select(Compile).ToArray();
        var contexts = new List<WeakReference>(Publishes);

        var baseline = RepublishAll(variants, contexts);
        var after = CollectedHeap(contexts);

        Assert.Equal(Publishes, contexts.Count);
        Assert.Empty(contexts.Select((c, i) => (c, i)).Where(c => c.c.IsAlive).Select(c => c.i));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("Flow.unload-probe.", StringComparison.Ordinal));
        Assert.True(after - baseline < HeapGrowthLimit, $"the heap grew by {(after - baseline) / 1024} KiB over {Publishes - 100} republishes");
    }

    // Publishes variant after variant, each replacing the last, and unloads the last one; returns the heap after
    // the first 100. Not inlined: no local of it may keep a flow alive while the caller collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long RepublishAll(CompiledFlow[] variants, List<WeakReference> contexts)
    {
        var payload = new ServerEvent { Hostname = "web-12", Cpu = 4 };
        LoadedFlow? current = null;
        long baseline = 0;
        for (var i = 0; i < Publishes; i++)
        {
            current = Republish(current, variants[i % Variants], payload, $"v{i % Variants}: 8 vCPU", contexts);
            if (i == 99)
            {
                baseline = CollectedHeap(contexts.Take(contexts.Count - 1));
            }
        }

        current!.Unload();
        return baseline;
    }

    // Loads the new version, unloads the one it replaces, and runs the new one once (in-memory services
    // complete synchronously).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LoadedFlow Republish(LoadedFlow? previous, CompiledFlow compiled, ServerEvent payload, string subject, List<WeakReference> contexts)
    {
        var next = LoadedFlow.Load(compiled);
        previous?.Unload();
        contexts.Add(new WeakReference(AssemblyLoadContext.GetLoadContext(next.Entry.Method.DeclaringType!.Assembly)));

        var result = next.RunAsync(payload, new InMemoryFlowServices()).GetAwaiter().GetResult();

        Assert.Equal(subject, Assert.IsType<MailRequest>(Assert.Single(result.Effects)).Subject);
        return next;
    }

    private static CompiledFlow Compile(int variant)
    {
        var json = $$$"""
            {
              "format": "flowc/1", "id": "unload-probe", "name": "Unload probe {{{variant}}}",
              "nodes": [
                { "id": "trigger", "type": "event", "parameters": { "event": "server.created" } },
                { "id": "web", "type": "filter", "parameters": { "field": "hostname", "operation": "matches", "value": "^web-[0-9]+$" } },
                { "id": "mail", "type": "sendMail", "parameters": { "to": "ops@example.org", "subject": "v{{{variant}}}: {{ cpu * 2 }} vCPU", "content": "{{hostname}}" } }
              ],
              "edges": [ { "from": "trigger", "to": "web" }, { "from": "web", "port": "true", "to": "mail" } ]
            }
            """;
        var (flow, canonical) = CompilerTestFlows.Bind(json);
        return FlowAssemblyCompiler.Compile(flow, ContentHash.Of(canonical));
    }

    // Unloading takes a few collections (finalizers release the context); bounded at 20.
    private static long CollectedHeap(IEnumerable<WeakReference> unloaded)
    {
        for (var i = 0; i < 20 && unloaded.Any(c => c.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
