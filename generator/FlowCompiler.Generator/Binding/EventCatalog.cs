using System.Collections.Frozen;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Generator.Binding;

/// <summary>The events a trigger can name, with the typed fields each one carries.</summary>
public static class EventCatalog
{
    private static readonly FrozenDictionary<Type, ObjectType> Payloads = FlowEvents.All
        .Select(e => e.PayloadType)
        .Distinct()
        .ToFrozenDictionary(t => t, t => ClrTypeMapper.ObjectOf(t, PayloadName(t)));

    /// <summary>The payload type of an event.</summary>
    public static ObjectType PayloadOf(FlowEvent flowEvent) => Payloads[flowEvent.PayloadType];

    // ServerEvent → "server event"; used in messages and comments only.
    private static string PayloadName(Type type) => type.Name.Replace("Event", " event", StringComparison.Ordinal).ToLowerInvariant();
}
