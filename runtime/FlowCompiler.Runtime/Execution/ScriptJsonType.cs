namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// The JSON value a Scriban expression renders as where a whole JSON value goes (spec §4), decided from its
/// static type when the flow is compiled. An expression whose type is not known renders as a string.
/// </summary>
public enum ScriptJsonType
{
    /// <summary>A quoted JSON string of the rendered value, or <c>null</c>.</summary>
    String,

    /// <summary>A JSON number, or <c>null</c>.</summary>
    Number,

    /// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
    Boolean,

    /// <summary>A JSON array of strings.</summary>
    StringArray,

    /// <summary>A JSON array of numbers.</summary>
    NumberArray,

    /// <summary>A JSON array of booleans.</summary>
    BooleanArray,
}
