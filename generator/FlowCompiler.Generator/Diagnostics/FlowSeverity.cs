namespace FlowCompiler.Generator.Diagnostics;

/// <summary>How bad a diagnostic is: an error stops a publish, a warning does not.</summary>
public enum FlowSeverity
{
    /// <summary>The flow can still be published.</summary>
    Warning,

    /// <summary>The flow cannot be compiled until this is fixed.</summary>
    Error,
}
