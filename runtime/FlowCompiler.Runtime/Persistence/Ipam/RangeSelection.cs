using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Runtime.Persistence.Ipam;

/// <summary>
/// The ranges an <c>ipam</c> request may take from, in the order they are tried (spec §5): the user's ranges,
/// then node ranges that list the Proxmox node, then global ranges; by id within a scope. A full range falls
/// through to the next, so a user range that runs out does not stop the user from getting a global address.
/// </summary>
internal static class RangeSelection
{
    /// <summary>The fitting ranges of <paramref name="ranges"/>, in the order to try them.</summary>
    public static List<IpamRange> For(IpamRequest request, IEnumerable<IpamRange> ranges)
    {
        var all = ranges.OrderBy(r => r.Id).ToList();
        var node = request.ProxmoxNode?.Trim();
        return
        [
            .. all.Where(r => IsScope(r, "user") && request.UserId is { } user && r.UserId == user),
            .. all.Where(r => IsScope(r, "node") && !string.IsNullOrEmpty(node) && ListsNode(r, node)),
            .. all.Where(r => IsScope(r, "global")),
        ];
    }

    /// <summary>The message when no range fits, naming what was looked for.</summary>
    public static string NoneFits(string family, IpamRequest request) =>
        $"No {family} range fits: there is no range of scope user for {(request.UserId is { } u ? $"user {u}" : "this request (no userId given)")}, " +
        $"none of scope node listing {(string.IsNullOrWhiteSpace(request.ProxmoxNode) ? "a node (no node given)" : $"node \"{request.ProxmoxNode}\"")}, " +
        $"and none of scope global. Add an {family} range in the panel.";

    private static bool IsScope(IpamRange range, string scope) => string.Equals(range.Scope.Trim(), scope, StringComparison.OrdinalIgnoreCase);

    private static bool ListsNode(IpamRange range, string node) =>
        (range.Nodes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(node, StringComparer.OrdinalIgnoreCase);
}
