using FlowCompiler.Generator.Compilation;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// Decides which active flows to load again together, so that calls into flows stay fast (few load contexts)
/// and replaced code does not pile up (no context mostly made of released flows).
/// </summary>
/// <remarks>
/// A repack is due when more than the allowed number of contexts hold active flows, or when a context is
/// sparse (at least half of its flows were released, and their code stays loaded until it unloads). It
/// takes every sparse context, then the smallest others until at most half the allowed number remain
/// besides the new one. Small contexts are merged often and cheaply; a big one is moved only once half of
/// it has been replaced, so each flow is reloaded a bounded number of times and memory stays within about
/// twice what the active flows need.
/// </remarks>
internal static class LoadContextPacking
{
    /// <summary>The active flows to load again into one new context; empty when no repack is due.</summary>
    public static IReadOnlyList<ActiveFlow> FlowsToRepack(IEnumerable<ActiveFlow> active, int maxContexts)
    {
        var contexts = active.GroupBy(f => f.Loaded.Context).OrderBy(g => g.Count()).ThenBy(g => g.Key.Size).ToList();
        var sparse = contexts.Where(g => g.Key.IsSparse).ToList();
        if (contexts.Count <= maxContexts && sparse.Count == 0)
        {
            return [];
        }

        var merged = new List<IGrouping<FlowLoadContext, ActiveFlow>>(sparse);
        var kept = contexts.Except(sparse).ToList();
        var keep = Math.Max(0, (maxContexts / 2) - 1);
        while (kept.Count > keep)
        {
            merged.Add(kept[0]);
            kept.RemoveAt(0);
        }

        // Moving one context that is neither sparse nor shared with others would change nothing.
        return merged.Count == 1 && !merged[0].Key.IsSparse ? [] : [.. merged.SelectMany(g => g)];
    }
}
