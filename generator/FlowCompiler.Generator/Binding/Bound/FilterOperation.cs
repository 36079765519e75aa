namespace FlowCompiler.Generator.Binding;

/// <summary>The filter operations of spec §5.</summary>
public enum FilterOperation
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>contains</c></summary>
    Contains,

    /// <summary><c>notContains</c></summary>
    NotContains,

    /// <summary><c>startsWith</c></summary>
    StartsWith,

    /// <summary><c>endsWith</c></summary>
    EndsWith,

    /// <summary><c>matches</c> (.NET regex with a match timeout)</summary>
    Matches,

    /// <summary><c>empty</c>: null, empty string or empty array.</summary>
    Empty,

    /// <summary><c>notEmpty</c></summary>
    NotEmpty,
}
