namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// The idempotency key of one node's effect in one durable run: <c>RUNID.NODEID</c>. A durable run's id is fixed when its
/// event is accepted (one per event and flow version), so every attempt and every replay of the run sends the same key;
/// a re-run is a new run with a new id, and new keys. Readable on purpose: the receiver's logs name the run and node.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The key of <paramref name="nodeId"/>'s effect in run <paramref name="runId"/>.</summary>
    public static string For(Guid runId, string nodeId) => $"{runId:N}.{nodeId}";

    /// <summary>Reads a key back into its run and node; false when <paramref name="key"/> is not one.</summary>
    public static bool TryParse(string key, out Guid runId, out string nodeId)
    {
        nodeId = "";
        if (key.Length < 34 || key[32] != '.' || !Guid.TryParseExact(key.AsSpan(0, 32), "N", out runId))
        {
            runId = Guid.Empty;
            return false;
        }

        nodeId = key[33..];
        return true;
    }
}
