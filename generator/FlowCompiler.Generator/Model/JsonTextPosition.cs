namespace FlowCompiler.Generator.Model;

/// <summary>
/// A place in a JSON file as people and editors count it: line and column from 1, the column in bytes
/// within its line, as System.Text.Json reports positions.
/// </summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The byte within the line, from 1.</param>
public readonly record struct JsonTextPosition(long Line, long Column)
{
    /// <summary>The position of the byte at <paramref name="offset"/> in <paramref name="utf8"/>.</summary>
    public static JsonTextPosition Of(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)Math.Min(offset, utf8.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new JsonTextPosition(before.Count((byte)'\n') + 1, before.Length - lineStart + 1);
    }

    /// <summary><c>line 3, column 7</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}";
}
