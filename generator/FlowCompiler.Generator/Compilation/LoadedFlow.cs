using System.Reflection;
using System.Runtime.Loader;
using FlowCompiler.Generator.Emit;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// One flow version loaded into its own collectible <see cref="AssemblyLoadContext"/>. The entry points are
/// bound to delegates once, at load; invoking them uses no reflection. <see cref="Unload"/> lets the
/// context be collected once nothing references the flow.
/// </summary>
public sealed class LoadedFlow
{
    private readonly AssemblyLoadContext _context;

    private LoadedFlow(AssemblyLoadContext context, FlowDescriptor descriptor, FlowEntryPoint entry, Func<object, bool> accepts, string contentHash)
    {
        _context = context;
        Descriptor = descriptor;
        Entry = entry;
        Accepts = accepts;
        ContentHash = contentHash;
    }

    /// <summary>The flow's id, trigger and nodes.</summary>
    public FlowDescriptor Descriptor { get; }

    /// <summary>The generated entry method.</summary>
    public FlowEntryPoint Entry { get; }

    /// <summary>Whether an event gets past the flow's first filters.</summary>
    public Func<object, bool> Accepts { get; }

    /// <summary>The content hash the assembly was compiled for.</summary>
    public string ContentHash { get; }

    /// <summary>
    /// Loads a compiled flow into a new collectible context, after checking it once more against
    /// <see cref="FlowAssemblyAudit"/> (an assembly may come from the disk cache): a violation throws
    /// <see cref="FlowCompilerBugException"/> and nothing is loaded.
    /// </summary>
    public static LoadedFlow Load(CompiledFlow compiled)
    {
        FlowAssemblyAudit.Check(compiled.ClassName, compiled.Assembly);
        var context = new AssemblyLoadContext("flow " + compiled.ContentHash, isCollectible: true);
        using var image = new MemoryStream(compiled.Assembly, writable: false);
        using var symbols = new MemoryStream(compiled.Pdb, writable: false);
        var assembly = context.LoadFromStream(image, symbols);
        var type = assembly.GetType(compiled.ClassName, throwOnError: true)!;
        var descriptor = (FlowDescriptor)type.GetProperty(FlowEmitter.DescriptorProperty, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var entry = type.GetMethod(FlowEmitter.UntypedEntryMethod, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<FlowEntryPoint>();
        var accepts = type.GetMethod(FlowEmitter.UntypedAcceptsMethod, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<object, bool>>();
        return new LoadedFlow(context, descriptor, entry, accepts, compiled.ContentHash);
    }

    /// <summary>Runs the flow once and returns its record.</summary>
    public async Task<RunResult> RunAsync(object payload, IFlowServices services, CancellationToken ct = default)
    {
        var run = new FlowRun(Descriptor);
        await Entry(payload, services, run, ct);
        return run.ToResult();
    }

    /// <summary>Starts unloading the context; it is collected once no delegate or object of the flow is reachable.</summary>
    public void Unload() => _context.Unload();
}
