namespace FlowCompiler.Tests.Hosting.Queue;

/// <summary>A clock the test moves: leases and retry times are compared against it, never against the wall clock.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
