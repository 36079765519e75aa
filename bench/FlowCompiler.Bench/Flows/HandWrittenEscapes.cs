using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// The escapes of spec §4 as a developer would call them by hand, with the same encoders the runtime uses,
/// so every alternative of a suite renders byte-identical text. Template engines get them as filters/helpers.
/// </summary>
public static class HandWrittenEscapes
{
    /// <summary>The runtime's JSON string encoder: everything JSON requires, HTML-significant characters, letters of every script kept.</summary>
    public static JavaScriptEncoder Json { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The datetime format of spec §4.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>A header value with CR and LF removed.</summary>
    public static string Header(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);

    /// <summary>A JSON value: a quoted, escaped string, or <c>null</c>.</summary>
    public static string JsonValue(string? value) => value is null ? "null" : "\"" + Json.Encode(value) + "\"";
}
