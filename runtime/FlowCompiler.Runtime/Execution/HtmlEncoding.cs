using System.Buffers;
using System.Globalization;
using System.Text;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// HTML encoding exactly as <see cref="System.Net.WebUtility.HtmlEncode(string)"/> does it, but into a span, so
/// a template hole needs no intermediate string: <c>&lt; &gt; &amp; " '</c> as entities, U+00A0–U+00FF and every
/// character outside the BMP as numeric references, a lone surrogate as U+FFFD.
/// </summary>
internal static class HtmlEncoding
{
    /// <summary>The most characters one input character becomes (<c>&amp;quot;</c>, <c>&amp;#255;</c>).</summary>
    public const int MaxExpansion = 6;

    private static readonly SearchValues<char> NeedEncoding = SearchValues.Create(
        "<>&\"'" + new string([.. Enumerable.Range(0xA0, 0x60).Select(c => (char)c)]) + new string([.. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]));

    /// <summary>Whether <paramref name="text"/> comes out of the encoder unchanged.</summary>
    public static bool IsPlain(ReadOnlySpan<char> text) => !text.ContainsAny(NeedEncoding);

    /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/>, which holds at least <see cref="MaxExpansion"/> characters per input character.</summary>
    /// <returns>The characters written.</returns>
    public static int Encode(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        while (!text.IsEmpty)
        {
            var plain = text.IndexOfAny(NeedEncoding);
            if (plain < 0)
            {
                plain = text.Length;
            }

            text[..plain].CopyTo(destination[written..]);
            written += plain;
            text = text[plain..];
            if (!text.IsEmpty)
            {
                written += WriteEntity(ref text, destination[written..]);
            }
        }

        return written;
    }

    // Writes the entity for the character (or surrogate pair) at the start of text and steps past it.
    private static int WriteEntity(ref ReadOnlySpan<char> text, Span<char> destination)
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
            named.CopyTo(destination);
            return named.Length;
        }

        if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
        {
            var codePoint = char.ConvertToUtf32(c, text[1]);
            text = text[2..];
            destination.TryWrite(CultureInfo.InvariantCulture, $"&#{codePoint};", out var pairWritten);
            return pairWritten;
        }

        text = text[1..];
        if (char.IsSurrogate(c))
        {
            return Rune.ReplacementChar.EncodeToUtf16(destination);
        }

        destination.TryWrite(CultureInfo.InvariantCulture, $"&#{(int)c};", out var written);
        return written;
    }
}
