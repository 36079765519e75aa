using System.Buffers;
using System.Text.Encodings.Web;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// Text escaped for the inside of a JSON string by <paramref name="encoder"/>, written straight into the
/// template's buffer: the same output as <see cref="TextEncoder.Encode(string)"/> without the intermediate string.
/// </summary>
internal readonly struct JsonEscaped(JavaScriptEncoder encoder, string value) : ISpanFormattable
{
    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (encoder.Encode(value, destination, out _, out charsWritten, isFinalBlock: true) == OperationStatus.Done)
        {
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => encoder.Encode(value);

    /// <inheritdoc/>
    public override string ToString() => encoder.Encode(value);
}
