using System.Text.Json;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// Waits for a Proxmox task (UPID) by polling its status until it has stopped, at most
/// <see cref="ProxmoxOptions.TaskWaitLimit"/>.
/// </summary>
internal sealed class ProxmoxTaskWaiter(ProxmoxApiConnection api, ProxmoxOptions options)
{
    /// <summary>
    /// Returns when the task stopped with <c>OK</c> or <c>WARNINGS: n</c>; throws with the exit status otherwise.
    /// </summary>
    /// <param name="node">The node the task runs on.</param>
    /// <param name="upid">The task's id.</param>
    /// <param name="what">What the task does, for messages, e.g. <c>the configuration change of VM 100</c>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task WaitAsync(string node, string upid, string what, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TaskWaitLimit);
        var path = ProxmoxApiPath.Of("nodes", node, "tasks", upid, "status");

        try
        {
            while (true)
            {
                var status = await api.GetAsync(path, [], limit.Token);
                if (Text(status, "status") == "stopped")
                {
                    ThrowUnlessSucceeded(Text(status, "exitstatus"), upid, what);
                    return;
                }

                await Task.Delay(options.TaskPollInterval, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProxmoxApiException(
                $"Proxmox task {upid} ({what}) was still running after {options.TaskWaitLimit.TotalSeconds:0.###} s. " +
                "It may still finish; see the task log on the node.");
        }
    }

    private static void ThrowUnlessSucceeded(string? exitStatus, string upid, string what)
    {
        // 'WARNINGS: n' means the change was made and Proxmox logged something worth reading.
        if (exitStatus == "OK" || (exitStatus?.StartsWith("WARNINGS:", StringComparison.Ordinal) ?? false))
        {
            return;
        }

        var reason = ProxmoxErrorReader.OneLine(exitStatus) ?? "no exit status";
        throw new ProxmoxApiException($"Proxmox task {upid} ({what}) failed: {reason}", null, reason, null, null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
