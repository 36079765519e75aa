using FlowCompiler.Generator.Compilation;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// Published flows by event name, each event's flows in one array: what a host looks up when an event is
/// raised, so the cost of an event depends only on the flows that listen to it.
/// </summary>
public sealed class EventRegistry
{
    private readonly Dictionary<string, LoadedFlow[]> _byEvent;

    /// <summary>Indexes <paramref name="flows"/> by their trigger's event.</summary>
    public EventRegistry(IEnumerable<LoadedFlow> flows) =>
        _byEvent = flows.GroupBy(f => f.Descriptor.EventName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>How many flows listen to <paramref name="eventName"/>.</summary>
    public int CountOn(string eventName) => _byEvent.TryGetValue(eventName, out var flows) ? flows.Length : 0;

    /// <summary>Runs every flow on <paramref name="eventName"/> that accepts the payload.</summary>
    public async Task RaiseAsync(string eventName, object payload, IFlowServices services)
    {
        if (!_byEvent.TryGetValue(eventName, out var flows))
        {
            return;
        }

        foreach (var flow in flows)
        {
            if (flow.Accepts(payload))
            {
                await flow.Entry(payload, services, new FlowRun(flow.Descriptor), CancellationToken.None);
            }
        }
    }
}
