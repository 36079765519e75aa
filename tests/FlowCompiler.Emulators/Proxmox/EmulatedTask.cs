namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// A worker task (UPID). It reports <c>running</c> on its first status read and stops on the next one,
/// making its change then, so that clients have to poll.
/// </summary>
internal sealed class EmulatedTask(string upid, string node, string type, string user, EmulatedTaskOutcome outcome, Action apply)
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _polls;

    public string Upid { get; } = upid;

    public string Node { get; } = node;

    public string Type { get; } = type;

    public string User { get; } = user;

    /// <summary>Completes when the task stops (never, for a task that never stops).</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Reads the status as <c>GET …/tasks/{upid}/status</c> would.</summary>
    public (string Status, string? ExitStatus) Poll()
    {
        _polls++;
        if (outcome.ExitStatus is null || _polls == 1)
        {
            return ("running", null);
        }

        if (_polls == 2)
        {
            if (outcome.AppliesChanges)
            {
                apply();
            }

            _stopped.SetResult();
        }

        return ("stopped", outcome.ExitStatus);
    }
}
