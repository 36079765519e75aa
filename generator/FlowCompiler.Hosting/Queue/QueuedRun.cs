namespace FlowCompiler.Hosting.Queue;

/// <summary>A run to accept: one flow version's run on one event.</summary>
/// <param name="RunId">The run id, kept on every attempt (the root of its idempotency keys).</param>
/// <param name="EventId">The event; the runs of several flows on one event share it.</param>
/// <param name="FlowId">The flow.</param>
/// <param name="FlowVersion">The version that accepted the event.</param>
/// <param name="EventName">The event name.</param>
/// <param name="Payload">The event payload as JSON.</param>
public sealed record QueuedRun(Guid RunId, Guid EventId, string FlowId, int FlowVersion, string EventName, string Payload);
