using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// The only ways flow content reaches generated C#: as a literal formatted by Roslyn, or as comment text
/// with every character that could end a comment line (CR, LF, U+0085, U+2028, U+2029, other controls)
/// replaced. No flow content can change the structure of the generated code.
/// </summary>
public static class CSharpText
{
    /// <summary>A C# string literal with the exact value of <paramref name="value"/>.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A C# <see cref="bool"/> literal.</summary>
    public static string Literal(bool value) => value ? "true" : "false";

    /// <summary>A C# <see cref="int"/> or <see cref="long"/> literal.</summary>
    public static string Literal(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>A C# <see cref="decimal"/> literal.</summary>
    public static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>Text safe inside a <c>//</c> comment: one line, flow strings shown as C# literals.</summary>
    public static string Comment(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            safe.Append(category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.Format ? '?' : c);
        }

        return safe.ToString();
    }

    /// <summary>Comment text that is also valid inside an XML doc comment.</summary>
    public static string DocComment(string text) =>
        Comment(text).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
