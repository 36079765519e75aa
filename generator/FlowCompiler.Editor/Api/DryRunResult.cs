using System.Text.Json.Serialization;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Editor.Api;

/// <summary>What <c>POST /api/flows/{id}/dry-run</c> answers (spec §6–§7): each node's outcome and what the actions would have sent.</summary>
/// <param name="Flow">The flow id.</param>
/// <param name="Status"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="DurationMs">How long the dry run took.</param>
/// <param name="Nodes">Every node, in execution order.</param>
/// <param name="Effects">What each action would have sent, in execution order.</param>
public sealed record DryRunResult(string Flow, string Status, double DurationMs, IReadOnlyList<NodeOutcome> Nodes, IReadOnlyList<DryRunEffect> Effects)
{
    internal static DryRunResult From(RunResult result) => new(
        result.Flow, NodeOutcome.Name(result.Status), result.Duration.TotalMilliseconds,
        [.. result.Nodes.Select(n => new NodeOutcome(n.Id, NodeOutcome.Name(n.Status), n.Port, n.Duration.TotalMilliseconds, n.Error))],
        [.. result.Effects.Select(DryRunEffect.From)]);
}

/// <summary>One effect as spec §7 writes it: <c>{ "node", "type", ...the action's rendered parameters... }</c>.</summary>
/// <param name="Node">The action node.</param>
/// <param name="Type">Its type (<c>sendMail</c>, <c>webhook</c>…).</param>
public sealed record DryRunEffect(string Node, string Type)
{
    /// <summary>The rendered parameters, written beside <see cref="Node"/> and <see cref="Type"/> (webhook headers are left out).</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Parameters { get; init; } = [];

    internal static DryRunEffect From(ActionRequest effect) => new(effect.NodeId, effect.Type)
    {
        Parameters = effect.Parameters.ToDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal),
    };

    // modifyServer's values are name/value pairs: an object, as in the CLI's JSON.
    private static object? Value(object? value) => value is IReadOnlyList<KeyValuePair<string, object>> pairs
        ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
        : value;
}
