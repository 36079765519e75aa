using FlowCompiler.Runtime.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowCompiler.Hosting;

/// <summary>Queues events in the transaction of a panel's own EF Core <see cref="DbContext"/> (a transactional outbox).</summary>
public static class FlowHostOutboxExtensions
{
    /// <summary>
    /// Queues the event's runs in <paramref name="context"/>'s current transaction: they are queued if and only if the
    /// panel's change commits. Begin the transaction first (<c>context.Database.BeginTransactionAsync()</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The context has no transaction open.</exception>
    public static ValueTask<int> EnqueueAsync<TPayload>(this IFlowHost host, DbContext context, FlowEvent<TPayload> flowEvent, TPayload payload, CancellationToken ct = default)
        where TPayload : class
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(flowEvent);
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The DbContext has no open transaction: begin one (Database.BeginTransactionAsync), queue the event, then commit it with the panel's change.");
        return host.EnqueueAsync(flowEvent.Name, payload, transaction, ct);
    }
}
