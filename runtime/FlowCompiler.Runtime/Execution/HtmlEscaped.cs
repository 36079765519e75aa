using System.Buffers;
using System.Globalization;
using System.Text;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// Text HTML-encoded exactly as <see cref="System.Net.WebUtility.HtmlEncode(string)"/> encodes it, but written
/// straight into the template's buffer instead of through an intermediate string: <c>&lt; &gt; &amp; " '</c> as
/// entities, U+00A0–U+00FF and every character outside the BMP as numeric references, a lone surrogate as
/// U+FFFD.
/// </summary>
internal readonly struct HtmlEscaped(string value) : ISpanFormattable
{
    private static readonly SearchValues<char> NeedEncoding = SearchValues.Create(
        "<>&\"'" + new string([.. Enumerable.Range(0xA0, 0x60).Select(c => (char)c)]) + new string([.. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]));

    /// <summary>Whether <paramref name="text"/> would come out of the encoder unchanged.</summary>
    public static bool IsPlain(ReadOnlySpan<char> text) => !text.ContainsAny(NeedEncoding);

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        var text = value.AsSpan();
        var written = 0;
        while (!text.IsEmpty)
        {
            var plain = text.IndexOfAny(NeedEncoding);
            if (plain < 0)
            {
                plain = text.Length;
            }

            if (!text[..plain].TryCopyTo(destination[written..]))
            {
                return false;
            }

            written += plain;
            text = text[plain..];
            if (text.IsEmpty)
            {
                break;
            }

            if (!TryWriteEntity(ref text, destination[written..], out var entityLength))
            {
                return false;
            }

            written += entityLength;
        }

        charsWritten = written;
        return true;
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => System.Net.WebUtility.HtmlEncode(value);

    /// <inheritdoc/>
    public override string ToString() => System.Net.WebUtility.HtmlEncode(value);

    // Writes the entity for the character (or surrogate pair) at the start of text and steps past it.
    private static bool TryWriteEntity(ref ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        var c = text[0];
        var named = c switch
        {
            '<' => "&lt;",
            '>' => "&gt;",
            '&' => "&amp;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => null,
        };
        if (named is not null)
        {
            text = text[1..];
            written = named.Length;
            return named.TryCopyTo(destination);
        }

        int codePoint = c;
        if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
        {
            codePoint = char.ConvertToUtf32(c, text[1]);
            text = text[2..];
        }
        else if (char.IsSurrogate(c))
        {
            text = text[1..];
            written = 1;
            return Rune.ReplacementChar.TryEncodeToUtf16(destination, out _);
        }
        else
        {
            text = text[1..];
        }

        return destination.TryWrite(CultureInfo.InvariantCulture, $"&#{codePoint};", out written);
    }
}
