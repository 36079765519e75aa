using System.Text.Json;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>
/// Changes guest configurations, always read first and written back with their digest: qemu through
/// <c>POST …/config</c> and its task, lxc through the synchronous <c>PUT …/config</c>.
/// </summary>
internal sealed class ProxmoxGuestConfigWriter(ProxmoxApiConnection api, ProxmoxTaskWaiter tasks)
{
    // An edit is a pure function of the configuration it read, so re-reading and re-applying it after a
    // concurrent change is safe. Proxmox lets one change at a time through (the config lock) and refuses the
    // others' stale digests, so every lost race means another change landed: N changes racing for one guest (as
    // the flows of one event do) need at most N attempts. 8 covers a busy guest without hiding a permanent conflict.
    private const int DigestAttempts = 8;

    /// <summary>
    /// Reads the configuration, lets <paramref name="edit"/> compute the changed keys and writes them back with the
    /// digest, so that a concurrent change is never overwritten; on a stale digest the edit is redone. Every change
    /// goes through here, even one that does not depend on the configuration (a note), so that no write ever
    /// replaces a value someone else set after it was read (an admin editing the same note in the Proxmox GUI).
    /// A change the configuration already has is not written at all: a retried or resumed run re-applying it is a no-op.
    /// </summary>
    public async Task EditAsync(
        ProxmoxGuest guest,
        Func<ProxmoxGuestConfig, IReadOnlyList<KeyValuePair<string, string>>> edit,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var config = await ReadAsync(guest, cancellationToken);
            var parameters = edit(config).ToList();
            if (IsApplied(config, parameters))
            {
                return;
            }

            if (config.Digest is not null)
            {
                parameters.Add(new("digest", config.Digest));
            }

            try
            {
                await WriteAsync(guest, parameters, cancellationToken);
                return;
            }
            catch (ProxmoxApiException exception) when (IsStaleDigest(exception))
            {
                if (attempt == DigestAttempts)
                {
                    throw new ProxmoxApiException(
                        $"The configuration of {guest.DisplayName} kept changing while it was being edited; gave up after {DigestAttempts} attempts. {exception.Message}",
                        exception.StatusCode,
                        exception.ProxmoxMessage,
                        exception.ParameterErrors,
                        exception);
                }
            }
        }
    }

    // "delete" names keys to remove (comma-separated); every other pair is a key and the value it must have.
    private static bool IsApplied(ProxmoxGuestConfig config, List<KeyValuePair<string, string>> changes) =>
        changes.All(change => change.Key == "delete"
            ? change.Value.Split(',').All(key => config.Get(key) is null)
            : config.Get(change.Key) == change.Value);

    private async Task<ProxmoxGuestConfig> ReadAsync(ProxmoxGuest guest, CancellationToken cancellationToken) =>
        ProxmoxGuestConfig.From(await api.GetAsync(ConfigPath(guest), [], cancellationToken));

    private async Task WriteAsync(ProxmoxGuest guest, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        if (guest.Type == ProxmoxGuestType.Lxc)
        {
            await api.SendFormAsync(HttpMethod.Put, ConfigPath(guest), parameters, cancellationToken);
            return;
        }

        var upid = await api.SendFormAsync(HttpMethod.Post, ConfigPath(guest), parameters, cancellationToken);
        // Without background_delay Proxmox always answers with the task's UPID; null would mean it already finished.
        if (upid.ValueKind == JsonValueKind.String && upid.GetString() is { Length: > 0 } taskId)
        {
            await tasks.WaitAsync(guest.Node, taskId, $"configuration change of {guest.DisplayName}", cancellationToken);
        }
    }

    // qemu-server says "checksum missmatch (file change by other user?)", pve-container (and newer qemu-server)
    // "detected modified configuration - file changed by other user? Try again.".
    private static bool IsStaleDigest(ProxmoxApiException exception) =>
        exception.ProxmoxMessage is { } text
        && (text.Contains("checksum missmatch", StringComparison.OrdinalIgnoreCase)
            || text.Contains("file changed by other user", StringComparison.OrdinalIgnoreCase)
            || text.Contains("file change by other user", StringComparison.OrdinalIgnoreCase));

    private static string ConfigPath(ProxmoxGuest guest) => ProxmoxApiPath.Of("nodes", guest.Node, guest.TypeSegment, guest.Vmid, "config");
}
