namespace FlowCompiler.Runtime.Events;

/// <summary>The payload of the <c>eventLog.created</c> event.</summary>
public sealed class EventLogEvent
{
    /// <summary>1 info, 2 warning, 3 error.</summary>
    public int Level { get; init; }

    /// <summary>The translated message.</summary>
    public string Message { get; init; } = "";

    /// <summary>The raw message.</summary>
    public string RawMessage { get; init; } = "";
}
