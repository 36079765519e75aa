namespace FlowCompiler.Tests.Proxmox.Conformance;

/// <summary>
/// Finds the Proxmox API schema the workplace keeps in <c>shared/proxmox/</c> beside the repository. It is
/// third-party data and deliberately not part of the repository.
/// </summary>
internal static class PveApiSchemaFile
{
    private static readonly string RelativePath = Path.Combine("shared", "proxmox", "pve-api-subset.json");

    /// <summary>The schema file's path, or null when neither the repository nor a folder above it has one.</summary>
    public static string? Locate()
    {
        for (var folder = new DirectoryInfo(RepositoryPaths.Root); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why a test that needs the schema cannot run.</summary>
    public static string MissingReason =>
        $"Proxmox API schema not found: neither {RepositoryPaths.Root} nor a folder above it has {RelativePath} " +
        "(the workplace's shared/ folder beside the repository), so the conformance check cannot run here.";
}
