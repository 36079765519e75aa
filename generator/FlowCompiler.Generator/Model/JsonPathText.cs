namespace FlowCompiler.Generator.Model;

/// <summary>Builds the JSON paths that diagnostics carry (<c>$.nodes[2].parameters.field</c>).</summary>
public static class JsonPathText
{
    /// <summary>Appends a property name, bracketed and quoted when it is not a plain identifier.</summary>
    public static string Property(string parent, string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>Appends an array index.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
