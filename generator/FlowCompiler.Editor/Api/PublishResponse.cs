using FlowCompiler.Hosting;
using FlowCompiler.Hosting.Publishing;

namespace FlowCompiler.Editor.Api;

/// <summary>What a publish or rollback answers.</summary>
/// <param name="FlowId">The flow.</param>
/// <param name="Version">The version that now runs.</param>
/// <param name="Unchanged">Whether it was already the published content (no new version).</param>
/// <param name="CacheHit">Whether the compiled flow came from the cache (Roslyn not used).</param>
/// <param name="ElapsedMs">Validate, compile or cache hit, load and swap in.</param>
/// <param name="Diagnostics">Warnings, if any.</param>
/// <param name="Tier"><c>compiled</c>, or <c>interpreted</c> while the flow compiles in the background (it runs either way).</param>
public sealed record PublishResponse(string FlowId, int Version, bool Unchanged, bool CacheHit, double ElapsedMs, IReadOnlyList<DiagnosticDto> Diagnostics, string Tier)
{
    internal static PublishResponse From(PublishResult result) =>
        new(result.FlowId!, result.Version, result.Unchanged, result.CacheHit, result.Elapsed.TotalMilliseconds, [.. result.Diagnostics.Select(DiagnosticDto.From)], TierName(result.Tier));

    internal static string TierName(FlowTier tier) => tier == FlowTier.Compiled ? "compiled" : "interpreted";
}
