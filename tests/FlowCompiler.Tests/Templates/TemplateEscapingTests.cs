using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Templates;

/// <summary>
/// The HTML and JSON appends encode straight into the template's buffer. They must write exactly what the
/// BCL encoders they replace would: checked on hostile fixed cases and on random strings of any UTF-16 units
/// (lone surrogates included), short ones that fit the stack buffer and long ones that need a pooled one.
/// </summary>
public sealed class TemplateEscapingTests
{
    private static readonly JavaScriptEncoder Json = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String[Gen.Char, 0, 400],
        Gen.String[Gen.Char["<>&\"'\u00A0\u00E9\u00FF\u0100\uD83D\uDE00\uD800\uDC00\n\\/ a"], 0, 400]);

    [Theory]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    [InlineData("Müller & Söhne \"GmbH\"", "M&#252;ller &amp; S&#246;hne &quot;GmbH&quot;")]
    [InlineData("plain text", "plain text")]
    [InlineData("ā is not encoded", "ā is not encoded")]
    public void Html_holes_are_encoded_like_WebUtility(string value, string expected)
    {
        Assert.Equal(expected, Html(value));
        Assert.Equal(WebUtility.HtmlEncode(value), Html(value));
    }

    // Not theory data: xUnit's serialization would turn the lone surrogate into replacement characters.
    [Fact]
    public void Html_writes_a_pair_as_one_reference_and_a_lone_surrogate_as_a_replacement_character() =>
        Assert.Equal("emoji &#128512; lone \uFFFD end", Html("emoji \U0001F600 lone \uD800 end"));

    [Fact]
    public void Html_matches_WebUtility_for_any_string() =>
        AnyText.Sample(value => Html(value) == WebUtility.HtmlEncode(value), iter: 3000);

    [Theory]
    [InlineData("\"}, \"admin\": true, \"x\": {\"", "\\u0022}, \\u0022admin\\u0022: true, \\u0022x\\u0022: {\\u0022")]
    [InlineData("line\nbreak\\", "line\\nbreak\\\\")]
    [InlineData("Müller", "Müller")]
    public void Json_holes_are_escaped_like_the_encoder(string value, string expected)
    {
        Assert.Equal(expected, JsonString(value));
        Assert.Equal(value.Replace("\uFFFD", ""), JsonSerializer.Deserialize<string>("\"" + JsonString(value) + "\""));
    }

    [Fact]
    public void Json_matches_the_encoder_for_any_string_and_always_parses() =>
        AnyText.Sample(value =>
        {
            var escaped = JsonString(value);
            return escaped == Json.Encode(value) && JsonDocument.Parse("\"" + escaped + "\"").RootElement.ValueKind == JsonValueKind.String;
        }, iter: 3000);

    private static string Html(string value)
    {
        var text = TemplateText.Create(8, 1);
        text.AppendLiteral("<p>");
        TemplateText.AppendHtml(ref text, value);
        text.AppendLiteral("</p>");
        var rendered = text.ToStringAndClear();
        return rendered[3..^4];
    }

    private static string JsonString(string value)
    {
        DefaultInterpolatedStringHandler text = TemplateText.Create(2, 1);
        text.AppendLiteral("\"");
        TemplateText.AppendJsonString(ref text, value);
        text.AppendLiteral("\"");
        return text.ToStringAndClear()[1..^1];
    }
}
