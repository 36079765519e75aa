namespace FlowCompiler.Hosting;

/// <summary>
/// What cancelling the token of a raise means. A panel passes its request's token, which fires when the client goes
/// away: stopping the wait is then the safe reading, since cancelling would cut the runs' effects halfway (a server
/// changed but its ticket not opened).
/// </summary>
public enum RunCancellation
{
    /// <summary>The caller stops waiting; the runs go on to their end (bounded by <c>RunTimeout</c>) and are recorded.</summary>
    StopWaiting,

    /// <summary>The runs are cancelled too: every service call sees the token, and the runs are recorded as cancelled.</summary>
    CancelRuns,
}
