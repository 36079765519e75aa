namespace FlowCompiler.Generator.Binding;

/// <summary>Routes to <c>true</c> or <c>false</c>.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Field">The tested field.</param>
/// <param name="Operation">The operation.</param>
/// <param name="OperationText">The operation as written (<c>&gt;=</c>).</param>
/// <param name="Operand">The compared value; null for <c>empty</c>/<c>notEmpty</c>.</param>
/// <param name="IgnoreCase">Whether string comparisons ignore case (ordinal).</param>
/// <param name="Narrowing">The array the <c>true</c> port narrows to its first match, or null.</param>
public sealed record BoundFilter(
    string Id,
    Scope Scope,
    BoundPath Field,
    FilterOperation Operation,
    string OperationText,
    FilterOperand? Operand,
    bool IgnoreCase,
    Narrowing? Narrowing) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "filter";
}
