namespace FlowCompiler.Generator.Model;

/// <summary>The identifier rules of spec §1 and §3, written out rather than as regexes so they cost nothing.</summary>
public static class FlowIdentifiers
{
    /// <summary>
    /// <see cref="IsFlowId"/> as a JSON Schema pattern, for the shipped schema. These patterns end in <c>(?!\n)$</c>: in
    /// .NET (and so in .NET schema validators) <c>$</c> also matches before a final line break, which ECMA-262's does not.
    /// </summary>
    public const string FlowIdPattern = @"^[a-z0-9][a-z0-9-]{0,63}(?!\n)$";

    /// <summary><see cref="IsNodeId"/> as a JSON Schema pattern.</summary>
    public const string NodeIdPattern = @"^[A-Za-z0-9_-]{1,64}(?!\n)$";

    /// <summary><see cref="IsFieldName"/> as a JSON Schema pattern.</summary>
    public const string FieldNamePattern = @"^[A-Za-z_][A-Za-z0-9_]*(?!\n)$";

    /// <summary>Flow id: <c>[a-z0-9][a-z0-9-]{0,63}</c>.</summary>
    public static bool IsFlowId(string id)
    {
        if (id.Length is 0 or > 64 || id[0] == '-')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Node id: <c>[A-Za-z0-9_-]{1,64}</c>.</summary>
    public static bool IsNodeId(string id)
    {
        if (id.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An <c>as</c> name and a path segment: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsFieldName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
