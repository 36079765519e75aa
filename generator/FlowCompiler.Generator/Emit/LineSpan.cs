namespace FlowCompiler.Generator.Emit;

/// <summary>Lines of generated C#, 1-based and inclusive, as editors and compiler messages count them.</summary>
/// <param name="StartLine">The first line.</param>
/// <param name="EndLine">The last line.</param>
public sealed record LineSpan(int StartLine, int EndLine)
{
    /// <summary>Whether <paramref name="line"/> (1-based) lies in the span.</summary>
    public bool Contains(int line) => line >= StartLine && line <= EndLine;
}
