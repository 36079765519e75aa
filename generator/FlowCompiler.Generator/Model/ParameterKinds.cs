namespace FlowCompiler.Generator.Model;

/// <summary>The JSON kinds a parameter accepts.</summary>
[Flags]
public enum ParameterKinds
{
    /// <summary>A JSON string.</summary>
    String = 1,

    /// <summary>A JSON number.</summary>
    Number = 2,

    /// <summary>A JSON boolean.</summary>
    Bool = 4,

    /// <summary>A JSON object of strings.</summary>
    Map = 8,

    /// <summary>Any JSON object or array.</summary>
    Json = 16,
}
