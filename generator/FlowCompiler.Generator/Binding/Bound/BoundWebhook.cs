namespace FlowCompiler.Generator.Binding;

/// <summary>Sends an HTTP request; a non-2xx answer fails the node.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Request">The request.</param>
public sealed record BoundWebhook(string Id, Scope Scope, BoundRequest Request) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "webhook";
}
