using FlowCompiler.Generator.Compilation;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// Decides which active flows to load again together, so that replaced code does not pile up and flows do
/// not scatter over many small load contexts (calls into many contexts are slow: see <see cref="FlowLoadContext"/>).
/// </summary>
/// <remarks>
/// Publishes fill one open context until it holds <c>FlowsPerLoadContext</c> flows; it is then closed and a
/// new one opened. A closed context is repacked when it is sparse (half of it released), and small closed
/// contexts (fewer live flows than a quarter of a full one) are merged once there are two of them. A sparse
/// context moves only after half of it was replaced, so those moves cost at most one reload per replacement;
/// small contexts are rare (repacks of sparse ones leave them) and each holds fewer than a quarter of a full
/// one. Replaced code never takes more memory than the live flows.
/// </remarks>
internal static class LoadContextPacking
{
    /// <summary>The active flows to load again into one new context; empty when no repack is due.</summary>
    /// <param name="active">The active flows (the interpreted ones are left where they are).</param>
    /// <param name="open">The context publishes load into, which is never repacked.</param>
    /// <param name="flowsPerContext">How many flows a full context holds.</param>
    public static IReadOnlyList<ActiveFlow> FlowsToRepack(IEnumerable<ActiveFlow> active, FlowLoadContext? open, int flowsPerContext)
    {
        // Interpreted flows have no context yet: they join the open one when their compiled code is ready.
        var closed = active.Where(f => f.Loaded is not null).GroupBy(f => f.Loaded!.Context).Where(g => g.Key != open).ToList();
        var sparse = closed.Where(g => g.Key.IsSparse).ToList();
        var small = closed.Where(g => !g.Key.IsSparse && g.Key.Live < Math.Max(2, flowsPerContext / 4)).ToList();
        return sparse.Count > 0 || small.Count >= 2 ? [.. sparse.Concat(small).SelectMany(g => g)] : [];
    }
}
