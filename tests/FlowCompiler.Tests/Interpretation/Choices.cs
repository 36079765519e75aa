namespace FlowCompiler.Tests.Interpretation;

/// <summary>
/// A stream of choices drawn by CsCheck: each <see cref="Next"/> consumes one number. When the stream runs
/// out every choice is 0, the simplest one, so CsCheck's shrinking (shorter arrays, smaller numbers)
/// shrinks the flow built from it.
/// </summary>
internal sealed class Choices(int[] values)
{
    private int _next;

    /// <summary>A number in 0..<paramref name="count"/>-1.</summary>
    public int Next(int count) => count <= 1 || _next >= values.Length ? 0 : values[_next++] % count;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>True with roughly the given chance (in percent); false when the stream is exhausted.</summary>
    public bool Chance(int percent) => Next(100) >= 100 - percent;
}
