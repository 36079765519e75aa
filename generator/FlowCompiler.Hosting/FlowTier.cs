namespace FlowCompiler.Hosting;

/// <summary>
/// What runs a published flow: the reference interpreter serves it from the moment it is published (or loaded with a
/// cold compile cache) until its compiled assembly is loaded and prepared in the background; then the compiled code
/// takes over, the same version. Both have the same semantics (the differential tests hold them to it).
/// </summary>
public enum FlowTier
{
    /// <summary>The reference interpreter, while the flow compiles.</summary>
    Interpreted,

    /// <summary>The flow's compiled assembly.</summary>
    Compiled,
}
