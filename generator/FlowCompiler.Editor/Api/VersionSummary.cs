using System.Text.Json;
using FlowCompiler.Hosting.Publishing;

namespace FlowCompiler.Editor.Api;

/// <summary>One stored version of a flow, as its history lists it.</summary>
/// <param name="Version">The version number.</param>
/// <param name="Name">The flow's name in this version.</param>
/// <param name="Trigger">The event it runs on.</param>
/// <param name="Published">Whether this version runs.</param>
/// <param name="CreatedAt">When it was first published.</param>
/// <param name="CreatedBy">Who published it, or null (the CLI, start-up).</param>
/// <param name="ContentHash">Its compile cache key.</param>
/// <param name="Flow">The canonical flow document; only when one version is asked for.</param>
public sealed record VersionSummary(int Version, string Name, string Trigger, bool Published, DateTimeOffset CreatedAt, string? CreatedBy, string ContentHash, JsonElement? Flow)
{
    internal static VersionSummary From(StoredFlowVersion stored, bool withFlow)
    {
        JsonElement? flow = null;
        if (withFlow)
        {
            using var document = JsonDocument.Parse(stored.CanonicalJson);
            flow = document.RootElement.Clone();
        }

        return new(stored.Version, stored.Name, stored.EventName, stored.Published, stored.CreatedAt, stored.CreatedBy, stored.ContentHash, flow);
    }
}
