namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// A compiled flow's entry method with the payload passed as object, so a host can call any flow through
/// one delegate type; the generated adapter casts once and calls the typed entry method.
/// </summary>
/// <param name="payload">The event payload, of the type the flow's trigger declares.</param>
/// <param name="services">Where the flow's I/O goes.</param>
/// <param name="run">The run's bookkeeping.</param>
/// <param name="ct">Cancels the run.</param>
public delegate Task FlowEntryPoint(object payload, IFlowServices services, FlowRun run, CancellationToken ct);
