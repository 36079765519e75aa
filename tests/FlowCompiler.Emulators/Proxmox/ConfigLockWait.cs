namespace FlowCompiler.Emulators.Proxmox;

/// <summary>
/// A lock a call has to take before it is handled, held by someone else: Proxmox waits for it (<c>lock_config</c>,
/// an flock) and fails the call when it is not released in time.
/// </summary>
/// <param name="Released">Completes when the holder lets go.</param>
/// <param name="TimeoutMessage">Proxmox's error when the wait times out.</param>
internal sealed record ConfigLockWait(Task Released, string TimeoutMessage);
