namespace FlowCompiler.Generator.Binding;

/// <summary>Joins a panel table: one parameterized query.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Table">The table name.</param>
/// <param name="Row">The row type.</param>
/// <param name="Input">The field whose value is looked up.</param>
/// <param name="JoinColumn">The column it is compared with.</param>
/// <param name="As">The new field.</param>
/// <param name="IsSingle">True for a join on <c>id</c> (a row or null), false for an array of rows.</param>
public sealed record BoundDbJoin(
    string Id, Scope Scope, string Table, ObjectType Row, BoundPath Input, FieldSymbol JoinColumn, string As, bool IsSingle)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "dbJoin";
}
