namespace FlowCompiler.Runtime.Execution;

/// <summary>The query of a <c>dbJoin</c> node: rows of <paramref name="Table"/> whose <paramref name="Column"/> equals <paramref name="Value"/>.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Table">Table name as flows write it (<c>users</c>).</param>
/// <param name="Column">Column name as flows write it (<c>id</c>, <c>userid</c>).</param>
/// <param name="Value">The input field's value (an <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/>, <see cref="bool"/> or <see cref="DateTime"/>).</param>
public sealed record DbLookup(string NodeId, string Table, string Column, object Value);
