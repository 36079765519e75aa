using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Editor.Api;

/// <summary>One path a node can use in a field parameter or a <c>{{ }}</c> hole, with its type.</summary>
/// <param name="Path">The path as flows write it, e.g. <c>owner.email</c>.</param>
/// <param name="Type">Its type as messages write it, e.g. <c>string?</c> or <c>array of tag</c>.</param>
public sealed record ScopeField(string Path, string Type)
{
    // Deep enough for every table, event and enricher output; REST shapes nest further only by the admin's choice.
    private const int MaxDepth = 4;

    /// <summary>Every path in <paramref name="scope"/>: each top-level name, then the fields under it (through arrays), breadth first per name.</summary>
    public static IReadOnlyList<ScopeField> Of(Scope scope)
    {
        var fields = new List<ScopeField>();
        foreach (var variable in scope.Variables)
        {
            var type = scope.Narrowings.LastOrDefault(n => n.Root == variable.Name && n.Prefix.IsEmpty)?.Element ?? variable.Type;
            Add(fields, variable.Name, type, 1);
        }

        return fields;
    }

    /// <summary>Every path under a type, for the catalog's event and table fields.</summary>
    public static IReadOnlyList<ScopeField> Of(ObjectType type)
    {
        var fields = new List<ScopeField>();
        foreach (var field in type.Fields)
        {
            Add(fields, field.Name, field.Type, 1);
        }

        return fields;
    }

    private static void Add(List<ScopeField> fields, string path, FlowType type, int depth)
    {
        fields.Add(new ScopeField(path, type.Display));
        var members = type switch
        {
            ObjectType obj => obj,
            ArrayType { Element: ObjectType element } => element,
            _ => null,
        };
        if (members is null || depth >= MaxDepth)
        {
            return;
        }

        foreach (var field in members.Fields)
        {
            Add(fields, path + "." + field.Name, field.Type, depth + 1);
        }
    }
}
