namespace FlowCompiler.Hosting.Queue;

/// <summary>A run a worker holds until <see cref="LeaseUntil"/>; it must complete, fail or renew it before then.</summary>
/// <param name="Run">What to run.</param>
/// <param name="Attempt">Which attempt this is, from 1.</param>
/// <param name="LeaseUntil">When the lease ends and another worker may claim the run.</param>
public sealed record ClaimedRun(QueuedRun Run, int Attempt, DateTimeOffset LeaseUntil);
