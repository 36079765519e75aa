namespace FlowCompiler.Generator.Model;

/// <summary>
/// Bounds on what the reader accepts, so a hostile or broken file gets a diagnostic instead of
/// exhausting memory or the stack. Generous for anything an admin draws by hand.
/// </summary>
public static class FlowLimits
{
    /// <summary>Largest flow file in bytes (16 MiB).</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Deepest JSON nesting, counted from the document root.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Most nodes in one flow.</summary>
    public const int MaxNodes = 2000;

    /// <summary>Most edges in one flow.</summary>
    public const int MaxEdges = 4000;
}
