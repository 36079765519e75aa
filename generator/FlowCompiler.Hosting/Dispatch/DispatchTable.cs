using System.Collections.Frozen;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Hosting.Dispatch;

/// <summary>
/// An immutable snapshot: for each event, the flows listening to it. Raising reads the current snapshot
/// without a lock; publishing builds a new one and swaps the reference, so a raise sees either the old
/// table or the new one, never half of each.
/// </summary>
internal sealed class DispatchTable
{
    private static readonly FrozenDictionary<string, int> EventIndex =
        FlowEvents.All.Select((e, i) => KeyValuePair.Create(e.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);

    private readonly ActiveFlow[][] _byEvent;

    private DispatchTable(ActiveFlow[][] byEvent) => _byEvent = byEvent;

    /// <summary>No flow published.</summary>
    public static DispatchTable Empty { get; } = new([.. FlowEvents.All.Select(_ => Array.Empty<ActiveFlow>())]);

    /// <summary>The index of <paramref name="eventName"/> in <see cref="FlowEvents.All"/>, or -1.</summary>
    public static int IndexOf(string eventName) => EventIndex.TryGetValue(eventName, out var index) ? index : -1;

    /// <summary>The flows listening to the event at <paramref name="eventIndex"/>, in publishing order.</summary>
    public ActiveFlow[] Listeners(int eventIndex) => _byEvent[eventIndex];

    /// <summary>Every active flow.</summary>
    public IEnumerable<ActiveFlow> All => _byEvent.SelectMany(flows => flows);

    /// <summary>The active version of <paramref name="flowId"/>, if any.</summary>
    public ActiveFlow? Find(string flowId) => All.FirstOrDefault(f => f.Id == flowId);

    /// <summary>A table where <paramref name="flow"/> replaces any active version of the same flow id.</summary>
    public DispatchTable With(ActiveFlow flow)
    {
        var table = Without(flow.Id)._byEvent;
        var index = IndexOf(flow.EventName);
        table[index] = [.. table[index], flow];
        return new DispatchTable(table);
    }

    /// <summary>A table where each of <paramref name="flows"/> takes the place of the active flow with its id, keeping the order.</summary>
    public DispatchTable Replacing(IReadOnlyList<ActiveFlow> flows)
    {
        var byId = flows.ToDictionary(f => f.Id, StringComparer.Ordinal);
        return new([.. _byEvent.Select(listeners => listeners.Select(f => byId.GetValueOrDefault(f.Id, f)).ToArray())]);
    }

    /// <summary>A table without the flow <paramref name="flowId"/>.</summary>
    public DispatchTable Without(string flowId) =>
        new([.. _byEvent.Select(flows => flows.Where(f => f.Id != flowId).ToArray())]);
}
