using System.Text;
using System.Text.Json;

namespace FlowCompiler.Generator.Diagnostics;

/// <summary>How values from a flow file are shown inside diagnostic messages.</summary>
internal static class DiagnosticText
{
    private const int MaxPrintedLength = 80;

    /// <summary>
    /// Shows a value from the file without letting control characters or lone surrogates reach a terminal, cut to
    /// 80 characters with an ellipsis.
    /// </summary>
    public static string Printable(string value) =>
        value.Length > MaxPrintedLength ? Escaped(value[..MaxPrintedLength]) + "…" : Escaped(value);

    /// <summary>Shows a value whole, with control characters and lone surrogates written as <c>\uXXXX</c>.</summary>
    public static string Escaped(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c);
        }

        return builder.ToString();
    }

    /// <summary>A JSON value's kind as a message says what was found: "an object", "a number", "null"….</summary>
    public static string JsonKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
