namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// What an action sends, fully rendered. Runs record these as their effects (spec §7), in execution order.
/// </summary>
/// <param name="NodeId">The action node.</param>
public abstract record ActionRequest(string NodeId)
{
    /// <summary>The node type that sends it (<c>sendMail</c>, <c>webhook</c>…), as effects name it.</summary>
    public abstract string Type { get; }
}
