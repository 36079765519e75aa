namespace FlowCompiler.Runtime.Proxmox;

/// <summary>Builds API paths below <c>/api2/json</c> with every segment escaped.</summary>
internal static class ProxmoxApiPath
{
    /// <summary>
    /// <c>/a/b/c</c> from the segments. Escaping matters for task UPIDs and HA ids,
    /// which contain <c>:</c>, <c>@</c> and <c>!</c>.
    /// </summary>
    public static string Of(params object[] segments) =>
        string.Concat(segments.Select(segment => "/" + Uri.EscapeDataString(Convert.ToString(segment, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
}
