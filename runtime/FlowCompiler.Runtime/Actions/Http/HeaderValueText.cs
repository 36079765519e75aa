using System.Text;

namespace FlowCompiler.Runtime.Actions.Http;

/// <summary>
/// A header value as it goes on the wire. CR, LF and NUL are removed: they would end the header and let event
/// data write headers of its own. A value of printable ASCII, spaces and tabs is sent as it is; any other value
/// has those other characters, and every <c>%</c>, percent-encoded as UTF-8 (RFC 3986 style), so <c>Grüße</c>
/// goes out as <c>Gr%C3%BC%C3%9Fe</c>: never raw bytes a receiver would have to guess the encoding of, and
/// decoded back exactly by any URL decoder.
/// </summary>
internal static class HeaderValueText
{
    private static readonly char[] LineBreaks = ['\r', '\n', '\0'];

    /// <summary>The value to send for <paramref name="value"/>.</summary>
    public static string ForWire(string value)
    {
        var text = value.IndexOfAny(LineBreaks) < 0 ? value : string.Concat(value.Split(LineBreaks));
        if (IsPlain(text))
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && IsPlain((char)rune.Value) && rune.Value != '%')
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            // EnumerateRunes has already turned a lone surrogate into U+FFFD.
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }

        return encoded.ToString();
    }

    private static bool IsPlain(string text)
    {
        foreach (var c in text)
        {
            if (!IsPlain(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(char c) => c is '\t' or (>= ' ' and <= '~');

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
