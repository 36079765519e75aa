using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Hosting;

/// <summary>
/// Raising the events of <see cref="FlowEvents"/> by their typed descriptors, so the compiler checks the payload:
/// <c>await flows.RaiseAsync(FlowEvents.AccountRegistration, user)</c>. They call the string overloads of
/// <see cref="IFlowHost"/>, so a fake host sees the same calls.
/// </summary>
public static class FlowHostEventExtensions
{
    /// <summary>Runs every flow listening to <paramref name="flowEvent"/> and waits for them (<see cref="IFlowHost.RaiseAsync(string, object, CancellationToken)"/>).</summary>
    /// <typeparam name="TPayload">The event's payload class.</typeparam>
    /// <param name="host">The host.</param>
    /// <param name="flowEvent">The event, e.g. <see cref="FlowEvents.AccountRegistration"/>.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="ct">Stops waiting for the runs; they go on to their end and are recorded (<see cref="RunCancellation.StopWaiting"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ValueTask<IReadOnlyList<CompletedRun>> RaiseAsync<TPayload>(this IFlowHost host, FlowEvent<TPayload> flowEvent, TPayload payload, CancellationToken ct = default)
        where TPayload : class
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(flowEvent);
        return host.RaiseAsync(flowEvent.Name, payload, ct);
    }

    /// <summary>Queues the runs of every flow accepting <paramref name="flowEvent"/> (<see cref="IFlowHost.EnqueueAsync(string, object, CancellationToken)"/>).</summary>
    /// <typeparam name="TPayload">The event's payload class.</typeparam>
    /// <param name="host">The host.</param>
    /// <param name="flowEvent">The event, e.g. <see cref="FlowEvents.ServerCreated"/>.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="ct">Cancels waiting for room in the queue.</param>
    /// <returns>How many runs were queued.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ValueTask<int> EnqueueAsync<TPayload>(this IFlowHost host, FlowEvent<TPayload> flowEvent, TPayload payload, CancellationToken ct = default)
        where TPayload : class
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(flowEvent);
        return host.EnqueueAsync(flowEvent.Name, payload, ct);
    }
}
