namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// What an action sends, fully rendered. Runs record these as their effects (spec §7), in execution order.
/// </summary>
/// <param name="NodeId">The action node.</param>
public abstract record ActionRequest(string NodeId)
{
    /// <summary>The node type that sends it (<c>sendMail</c>, <c>webhook</c>…), as effects name it.</summary>
    public abstract string Type { get; }

    /// <summary>
    /// The rendered parameters as a run's effects list them (spec §7), in the spec's order. Values are strings,
    /// booleans, numbers, or, for <c>modifyServer</c>'s <c>values</c>, name/value pairs. Webhook headers are left
    /// out: they are where credentials live (<c>Authorization</c>).
    /// </summary>
    public abstract IReadOnlyList<KeyValuePair<string, object?>> Parameters { get; }

    /// <summary>
    /// The effect's idempotency key in a durable run (<see cref="IdempotencyKeys"/>), the same on every attempt; null
    /// when the run is not durable. Webhooks and REST calls send it as <c>Idempotency-Key</c>, mail as its <c>Message-ID</c>,
    /// tickets store it in the run ledger with the ticket.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
