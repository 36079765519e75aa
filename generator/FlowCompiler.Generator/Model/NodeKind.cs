namespace FlowCompiler.Generator.Model;

/// <summary>The three stages of a flow.</summary>
public enum NodeKind
{
    /// <summary>The event that starts the flow.</summary>
    Trigger,

    /// <summary>Adds to or routes the scope.</summary>
    Enricher,

    /// <summary>Does something outside the flow.</summary>
    Action,
}
