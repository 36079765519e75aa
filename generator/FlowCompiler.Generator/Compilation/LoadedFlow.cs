using System.Reflection;
using System.Runtime.CompilerServices;
using FlowCompiler.Generator.Emit;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Compilation;

/// <summary>
/// One flow version loaded into a collectible <see cref="FlowLoadContext"/>, alone or with other flows. The
/// entry points are bound to delegates once, at load; invoking them uses no reflection. <see cref="Unload"/>
/// releases the flow; its context is collected once all its flows are released and nothing references them.
/// </summary>
public sealed class LoadedFlow
{
    private readonly Assembly _assembly;
    private int _released;

    private LoadedFlow(FlowLoadContext context, Assembly assembly, CompiledFlow compiled, FlowDescriptor descriptor, FlowEntryPoint entry, Func<object, bool> accepts)
    {
        Context = context;
        _assembly = assembly;
        Compiled = compiled;
        Descriptor = descriptor;
        Entry = entry;
        Accepts = accepts;
    }

    /// <summary>The flow's id, trigger and nodes.</summary>
    public FlowDescriptor Descriptor { get; }

    /// <summary>The generated entry method.</summary>
    public FlowEntryPoint Entry { get; }

    /// <summary>Whether an event gets past the flow's first filters.</summary>
    public Func<object, bool> Accepts { get; }

    /// <summary>The content hash the assembly was compiled for.</summary>
    public string ContentHash => Compiled.ContentHash;

    /// <summary>The compiled assembly, kept so a host can load the flow again into a shared context.</summary>
    public CompiledFlow Compiled { get; }

    /// <summary>The context the flow was loaded into.</summary>
    public FlowLoadContext Context { get; }

    /// <summary>
    /// Loads a compiled flow into a new context of its own, after checking it once more against
    /// <see cref="FlowAssemblyAudit"/> (an assembly may come from the disk cache): a violation throws
    /// <see cref="FlowCompilerBugException"/> and nothing is loaded.
    /// </summary>
    public static LoadedFlow Load(CompiledFlow compiled) => FlowLoadContext.LoadTogether([compiled])[0];

    /// <summary>Binds the entry points of a flow assembly that <paramref name="context"/> just loaded.</summary>
    internal static LoadedFlow Bind(FlowLoadContext context, Assembly assembly, CompiledFlow compiled)
    {
        var type = assembly.GetType(compiled.ClassName, throwOnError: true)!;
        var descriptor = (FlowDescriptor)type.GetProperty(FlowEmitter.DescriptorProperty, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var entry = type.GetMethod(FlowEmitter.UntypedEntryMethod, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<FlowEntryPoint>();
        var accepts = type.GetMethod(FlowEmitter.UntypedAcceptsMethod, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Func<object, bool>>();
        return new LoadedFlow(context, assembly, compiled, descriptor, entry, accepts);
    }

    /// <summary>Whether <see cref="Unload"/> was called.</summary>
    public bool Released => Volatile.Read(ref _released) == 1;

    /// <summary>
    /// Compiles the flow's methods to machine code now, so the first event after a publish does not wait for
    /// the JIT: every method (not constructors) of the flow's classes, the async state machines'
    /// <c>MoveNext</c>, and <c>AsyncTaskMethodBuilder.Start</c> for each state machine (a generic method the
    /// JIT compiles per state machine). Reflection here runs once per load, never on an event.
    /// </summary>
    public void Prepare()
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in _assembly.GetTypes())
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (var method in type.GetMethods(Declared))
            {
                if (!method.IsAbstract && !method.ContainsGenericParameters)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }

            // A state machine's builder Start<TStateMachine> is generic over the state machine, so it is
            // prepared with its exact instantiation: the builder's type arguments (Task<bool> for node
            // methods), then the state machine.
            if (typeof(IAsyncStateMachine).IsAssignableFrom(type)
                && type.GetField("<>t__builder", Declared)?.FieldType is { } builder
                && builder.GetMethod(nameof(AsyncTaskMethodBuilder.Start)) is { } start)
            {
                RuntimeHelpers.PrepareMethod(start.MethodHandle, [.. builder.GenericTypeArguments.Select(t => t.TypeHandle), type.TypeHandle]);
            }
        }
    }

    /// <summary>Runs the flow once and returns its record.</summary>
    public async Task<RunResult> RunAsync(object payload, IFlowServices services, CancellationToken ct = default)
    {
        var run = new FlowRun(Descriptor);
        await Entry(payload, services, run, ct);
        return run.ToResult();
    }

    /// <summary>Releases the flow (once; later calls do nothing). Its context unloads when all its flows are released.</summary>
    public void Unload()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            Context.Release();
        }
    }
}
