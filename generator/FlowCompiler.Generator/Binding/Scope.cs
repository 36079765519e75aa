using System.Collections.Immutable;

namespace FlowCompiler.Generator.Binding;

/// <summary>Where a top-level name in a scope comes from.</summary>
public enum VariableSource
{
    /// <summary>A field of the trigger's event payload.</summary>
    EventField,

    /// <summary>The <c>as</c> output of an enricher (or a ticket action) on the path.</summary>
    NodeOutput,
}

/// <summary>A top-level name a node can use in paths and templates.</summary>
/// <param name="Name">The name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Source">Event field or node output.</param>
/// <param name="Field">The payload field, for event fields.</param>
/// <param name="NodeId">The node that produced it, for node outputs.</param>
public sealed record ScopeVariable(string Name, FlowType Type, VariableSource Source, FieldSymbol? Field, string? NodeId);

/// <summary>
/// An array narrowed by a filter's <c>true</c> port to its first matching element (spec §5): below that
/// filter, a path through <c>Root.Prefix</c> sees only that element.
/// </summary>
/// <param name="Root">The top-level name the array hangs under.</param>
/// <param name="Prefix">Segments after the root down to the array field; empty when the root is the array.</param>
/// <param name="Element">The element type.</param>
/// <param name="FilterId">The filter that narrowed it.</param>
public sealed record Narrowing(string Root, ImmutableArray<string> Prefix, FlowType Element, string FilterId)
{
    /// <summary>The narrowed array's path, e.g. <c>charges</c>.</summary>
    public string PathText => Prefix.IsEmpty ? Root : Root + "." + string.Join('.', Prefix);
}

/// <summary>What a node sees: the trigger's fields, the outputs on its path, and narrowed arrays.</summary>
/// <param name="Variables">Top-level names, event fields first, then outputs in path order.</param>
/// <param name="Narrowings">Arrays narrowed by filters above, innermost last.</param>
public sealed record Scope(ImmutableArray<ScopeVariable> Variables, ImmutableArray<Narrowing> Narrowings)
{
    /// <summary>Finds a top-level name.</summary>
    public ScopeVariable? Find(string name)
    {
        foreach (var variable in Variables)
        {
            if (variable.Name == name)
            {
                return variable;
            }
        }

        return null;
    }

    /// <summary>This scope plus one node output.</summary>
    public Scope With(ScopeVariable variable) => this with { Variables = Variables.Add(variable) };

    /// <summary>This scope with one more narrowed array.</summary>
    public Scope With(Narrowing narrowing) => this with { Narrowings = Narrowings.Add(narrowing) };
}
