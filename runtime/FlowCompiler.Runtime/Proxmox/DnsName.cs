using System.Text.RegularExpressions;

namespace FlowCompiler.Runtime.Proxmox;

/// <summary>The <c>dns-name</c> format Proxmox checks hostnames against, plus the DNS length limits.</summary>
internal static partial class DnsName
{
    /// <summary>
    /// Whether <paramref name="name"/> is dot-separated labels of letters, digits and inner hyphens,
    /// each at most 63 characters, 253 in all.
    /// </summary>
    public static bool IsValid(string name) =>
        name.Length <= 253
        && DnsNamePattern().IsMatch(name)
        && name.Split('.').All(label => label.Length <= 63);

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[a-zA-Z0-9\-]*[a-zA-Z0-9])?\z")]
    private static partial Regex DnsNamePattern();
}
