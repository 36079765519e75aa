namespace FlowCompiler.Emulators.Proxmox;

/// <summary>How the emulator's qemu configuration tasks end.</summary>
/// <param name="ExitStatus">The task's exit status once stopped; null for a task that never stops.</param>
/// <param name="AppliesChanges">Whether the configuration change is made.</param>
internal sealed record EmulatedTaskOutcome(string? ExitStatus, bool AppliesChanges)
{
    public static EmulatedTaskOutcome Ok { get; } = new("OK", true);

    public static EmulatedTaskOutcome NeverFinishes { get; } = new(null, false);

    /// <summary>The change is made and Proxmox logged warnings, e.g. a hotplug that waits for a reboot.</summary>
    public static EmulatedTaskOutcome Warnings(int count) => new($"WARNINGS: {count}", true);

    public static EmulatedTaskOutcome Failure(string exitStatus) => new(exitStatus, false);
}
