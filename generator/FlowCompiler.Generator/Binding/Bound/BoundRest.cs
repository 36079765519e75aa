namespace FlowCompiler.Generator.Binding;

/// <summary>Calls a REST resource and adds its response, typed from <c>exampleResponse</c>.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Request">The request.</param>
/// <param name="Response">The response type.</param>
/// <param name="ExampleJson">The example response (compact JSON), used by dry runs.</param>
/// <param name="As">The new field.</param>
public sealed record BoundRest(string Id, Scope Scope, BoundRequest Request, FlowType Response, string ExampleJson, string As)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "rest";
}
