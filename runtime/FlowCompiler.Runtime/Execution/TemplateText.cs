using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// The appends generated template code makes (spec §4). The compiler picks one method per hole from the
/// hole's type and where it lands, so nothing is decided while rendering: null renders empty, numbers use the
/// invariant culture, datetimes are ISO 8601 UTC, booleans are <c>true</c>/<c>false</c> as in JSON.
/// </summary>
public static class TemplateText
{
    /// <summary>The datetime format of spec §4, e.g. <c>2024-02-23T18:00:25Z</c>.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    // Escapes what JSON requires plus HTML-significant characters, but leaves letters of every script
    // readable: a German hostname in a webhook body stays "Müller", not "M\u00FCller".
    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    // The most characters the JSON encoder writes for one (\u0022), and the scratch buffer escaped holes are
    // encoded into on the stack when their worst case fits (see AppendEncoded).
    private const int MaxJsonExpansion = 6;
    private const int StackBufferChars = 256;

    /// <summary>A builder formatting with the invariant culture, sized for the template's literal text and holes.</summary>
    public static DefaultInterpolatedStringHandler Create(int literalLength, int holeCount) =>
        new(literalLength, holeCount, CultureInfo.InvariantCulture);

    /// <summary>Appends text as it is; null appends nothing.</summary>
    public static void Append(ref DefaultInterpolatedStringHandler text, string? value) => text.AppendFormatted(value);

    /// <summary>Appends a whole number.</summary>
    public static void Append(ref DefaultInterpolatedStringHandler text, long? value)
    {
        if (value is { } number)
        {
            text.AppendFormatted(number);
        }
    }

    /// <summary>Appends a decimal with the invariant culture.</summary>
    public static void Append(ref DefaultInterpolatedStringHandler text, decimal? value)
    {
        if (value is { } number)
        {
            text.AppendFormatted(number);
        }
    }

    /// <summary>Appends <c>true</c> or <c>false</c>.</summary>
    public static void Append(ref DefaultInterpolatedStringHandler text, bool? value)
    {
        if (value is { } flag)
        {
            text.AppendLiteral(flag ? "true" : "false");
        }
    }

    /// <summary>Appends an ISO 8601 UTC datetime.</summary>
    public static void Append(ref DefaultInterpolatedStringHandler text, DateTime? value)
    {
        if (value is { } time)
        {
            text.AppendFormatted(time, DateTimeFormat);
        }
    }

    /// <summary>Appends text percent-encoded for a URL path, query or fragment.</summary>
    public static void AppendUrl(ref DefaultInterpolatedStringHandler text, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.AppendFormatted(Uri.EscapeDataString(value));
        }
    }

    /// <summary>Appends a datetime percent-encoded for a URL (its colons are encoded).</summary>
    public static void AppendUrl(ref DefaultInterpolatedStringHandler text, DateTime? value) =>
        AppendUrl(ref text, value?.ToString(DateTimeFormat, CultureInfo.InvariantCulture));

    /// <summary>Appends text escaped for the inside of a JSON string, through a scratch buffer instead of a new string.</summary>
    public static void AppendJsonString(ref DefaultInterpolatedStringHandler text, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            AppendEncoded(ref text, value, MaxJsonExpansion, EncodeJson, static v => JsonEncoder.Encode(v));
        }
    }

    /// <summary>Appends a JSON string value, or <c>null</c>.</summary>
    public static void AppendJsonValue(ref DefaultInterpolatedStringHandler text, string? value)
    {
        if (value is null)
        {
            text.AppendLiteral("null");
            return;
        }

        text.AppendLiteral("\"");
        AppendJsonString(ref text, value);
        text.AppendLiteral("\"");
    }

    /// <summary>Appends a JSON number, or <c>null</c>.</summary>
    public static void AppendJsonValue(ref DefaultInterpolatedStringHandler text, long? value)
    {
        if (value is { } number)
        {
            text.AppendFormatted(number);
        }
        else
        {
            text.AppendLiteral("null");
        }
    }

    /// <summary>Appends a JSON number, or <c>null</c>.</summary>
    public static void AppendJsonValue(ref DefaultInterpolatedStringHandler text, decimal? value)
    {
        if (value is { } number)
        {
            text.AppendFormatted(number);
        }
        else
        {
            text.AppendLiteral("null");
        }
    }

    /// <summary>Appends <c>true</c>, <c>false</c> or <c>null</c>.</summary>
    public static void AppendJsonValue(ref DefaultInterpolatedStringHandler text, bool? value) =>
        text.AppendLiteral(value switch { true => "true", false => "false", null => "null" });

    /// <summary>Appends a datetime as a quoted JSON string, or <c>null</c>.</summary>
    public static void AppendJsonValue(ref DefaultInterpolatedStringHandler text, DateTime? value)
    {
        if (value is { } time)
        {
            text.AppendLiteral("\"");
            text.AppendFormatted(time, DateTimeFormat);
            text.AppendLiteral("\"");
        }
        else
        {
            text.AppendLiteral("null");
        }
    }

    /// <summary>Appends text HTML-encoded (as <see cref="System.Net.WebUtility.HtmlEncode(string)"/> does), through a scratch buffer instead of a new string.</summary>
    public static void AppendHtml(ref DefaultInterpolatedStringHandler text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (HtmlEncoding.IsPlain(value))
        {
            text.AppendFormatted(value);
            return;
        }

        AppendEncoded(ref text, value, HtmlEncoding.MaxExpansion, HtmlEncoding.Encode, System.Net.WebUtility.HtmlEncode);
    }

    // Encodes into a scratch buffer on the stack when the worst case fits, else a pooled one, and copies the
    // result into the template once; a value too long for any buffer goes through the string encoder.
    private static void AppendEncoded(ref DefaultInterpolatedStringHandler text, string value, int maxExpansion, SpanEncoder encode, Func<string, string> encodeToString)
    {
        var needed = (long)value.Length * maxExpansion;
        if (needed > Array.MaxLength)
        {
            text.AppendFormatted(encodeToString(value));
            return;
        }

        char[]? rented = null;
        var buffer = needed <= StackBufferChars ? stackalloc char[StackBufferChars] : (rented = ArrayPool<char>.Shared.Rent((int)needed));
        text.AppendFormatted((ReadOnlySpan<char>)buffer[..encode(value, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    // The buffer holds the worst case, so the encoder always finishes; anything else is a bug, not short output.
    private static int EncodeJson(ReadOnlySpan<char> source, Span<char> destination) =>
        JsonEncoder.Encode(source, destination, out _, out var written) == OperationStatus.Done
            ? written
            : throw new InvalidOperationException("The JSON escaping buffer was too small.");

    private delegate int SpanEncoder(ReadOnlySpan<char> source, Span<char> destination);

    /// <summary>Appends text with CR and LF removed, so it cannot start a new header line.</summary>
    public static void AppendHeader(ref DefaultInterpolatedStringHandler text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny('\r', '\n') < 0)
        {
            text.AppendFormatted(value);
            return;
        }

        foreach (var c in value)
        {
            if (c is not ('\r' or '\n'))
            {
                text.AppendFormatted(c);
            }
        }
    }
}
