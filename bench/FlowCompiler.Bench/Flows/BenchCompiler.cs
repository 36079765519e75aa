using System.Text;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// The product's own path from flow JSON to a callable flow — validate, canonical bytes, content-hash cache,
/// collectible load — as a publish does it. A flow that does not validate is a bug in the suite: it throws.
/// </summary>
public static class BenchCompiler
{
    /// <summary>A cache folder shared by every benchmark process of one suite run, so only the first compile of a flow pays Roslyn.</summary>
    public static string SharedCacheFolder { get; } = Path.Combine(Path.GetTempPath(), "flowc-bench-cache");

    /// <summary>Validates <paramref name="json"/> and returns the bound flow with its canonical bytes.</summary>
    public static (BoundFlow Flow, byte[] Canonical) Bind(string json)
    {
        var validation = FlowValidator.Validate(Encoding.UTF8.GetBytes(json));
        if (validation.Flow is not { } flow)
        {
            throw new InvalidOperationException("benchmark flow is invalid: " + string.Join("; ", validation.Diagnostics.Select(d => $"{d.Code} {d.NodeId} {d.Message}")));
        }

        return (flow, FlowDocumentWriter.WriteUtf8(validation.Document!));
    }

    /// <summary>Validates, compiles (or takes from <paramref name="cache"/>) and loads one flow.</summary>
    public static LoadedFlow Publish(string json, FlowCache cache)
    {
        var (flow, canonical) = Bind(json);
        return LoadedFlow.Load(cache.GetOrCompileAsync(flow, canonical).GetAwaiter().GetResult().Flow);
    }

    /// <summary>
    /// Compiles many flows through the shared cache, two at a time on two cores, and loads them into one shared
    /// load context, as <c>FlowHost</c> does at start-up and when it repacks flows published one by one.
    /// </summary>
    public static IReadOnlyList<LoadedFlow> PublishAll(IReadOnlyList<string> jsons)
    {
        var cache = new FlowCache(SharedCacheFolder);
        var compiled = new CompiledFlow[jsons.Count];
        Parallel.For(0, jsons.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (flow, canonical) = Bind(jsons[i]);
            compiled[i] = cache.GetOrCompileAsync(flow, canonical).GetAwaiter().GetResult().Flow;
        });
        return FlowLoadContext.LoadTogether(compiled);
    }
}
