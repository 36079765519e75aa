using System.Globalization;
using System.Net;
using FlowCompiler.Bench.Flows;

namespace FlowCompiler.Bench.Templates;

/// <summary>
/// The functions every template engine gets under the same short names (<c>h</c>, <c>js</c>, <c>jv</c>,
/// <c>iso</c>), so each renders exactly what the lowered template renders: the engines' own encoders differ
/// in details (which characters, which entity spelling), and the suite compares engines, not encoders.
/// </summary>
public static class EngineFunctions
{
    /// <summary>HTML-encodes, as <c>TemplateText.AppendHtml</c>.</summary>
    public static string Html(string? value) => string.IsNullOrEmpty(value) ? "" : WebUtility.HtmlEncode(value);

    /// <summary>Escapes for the inside of a JSON string.</summary>
    public static string JsonString(string? value) => string.IsNullOrEmpty(value) ? "" : HandWrittenEscapes.Json.Encode(value);

    /// <summary>A JSON string value or <c>null</c>.</summary>
    public static string JsonValue(string? value) => HandWrittenEscapes.JsonValue(value);

    /// <summary>An ISO 8601 UTC datetime.</summary>
    public static string Iso(DateTime value) => value.ToString(HandWrittenEscapes.DateTimeFormat, CultureInfo.InvariantCulture);
}
