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

    // The most characters the JSON encoder writes for one (\u0022); escaped holes are encoded into a scratch
    // buffer on the stack when they fit, else a pooled one, and copied into the template once.
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
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        char[]? rented = null;
        var needed = (long)value.Length * MaxJsonExpansion;
        var buffer = needed <= StackBufferChars ? stackalloc char[StackBufferChars] : (rented = ArrayPool<char>.Shared.Rent((int)Math.Min(needed, Array.MaxLength)));
        if (JsonEncoder.Encode(value, buffer, out _, out var written) == OperationStatus.Done)
        {
            text.AppendFormatted((ReadOnlySpan<char>)buffer[..written]);
        }
        else
        {
            text.AppendFormatted(JsonEncoder.Encode(value));
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
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

        char[]? rented = null;
        var needed = (long)value.Length * HtmlEncoding.MaxExpansion;
        if (needed > Array.MaxLength)
        {
            text.AppendFormatted(System.Net.WebUtility.HtmlEncode(value));
            return;
        }

        var buffer = needed <= StackBufferChars ? stackalloc char[StackBufferChars] : (rented = ArrayPool<char>.Shared.Rent((int)needed));
        var written = HtmlEncoding.Encode(value, buffer);
        text.AppendFormatted((ReadOnlySpan<char>)buffer[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

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
