using System.Collections.Immutable;
using System.Text;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Splits template text into literals and holes (spec §4). <c>{{ path }}</c> is a path hole,
/// <c>{{ "{{" }}</c> is a literal <c>{{</c>, anything else between the braces is a Scriban expression.
/// </summary>
public static class TemplateParser
{
    /// <summary>The result of parsing: the syntax, or the column of an unclosed <c>{{</c>.</summary>
    /// <param name="Syntax">The template, when it parsed.</param>
    /// <param name="UnclosedLine">1-based line of the unclosed <c>{{</c>, or 0.</param>
    /// <param name="UnclosedColumn">1-based column of the unclosed <c>{{</c>, or 0.</param>
    public readonly record struct Result(TemplateSyntax? Syntax, int UnclosedLine, int UnclosedColumn);

    /// <summary>Parses one template.</summary>
    public static Result Parse(string text)
    {
        var pieces = ImmutableArray.CreateBuilder<TemplatePiece>();
        var literal = new StringBuilder();
        var literalStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                literal.Append(text, position, text.Length - position);
                break;
            }

            literal.Append(text, position, open - position);
            var close = FindClose(text, open + 2);
            if (close < 0)
            {
                var (line, column) = LineAndColumn(text, open);
                return new Result(null, line, column);
            }

            var code = text.AsSpan(open + 2, close - open - 2).Trim();
            if (code.SequenceEqual("\"{{\"") || code.SequenceEqual("'{{'"))
            {
                literal.Append("{{");
            }
            else
            {
                Flush(pieces, literal, text, literalStart);
                pieces.Add(IsPlainPath(code)
                    ? new PathPiece(code.ToString(), LineAndColumn(text, open).Column, open)
                    : new ScriptPiece(code.ToString(), LineAndColumn(text, open).Column, open));
                literalStart = close + 2;
            }

            position = close + 2;
        }

        Flush(pieces, literal, text, literalStart);
        return new Result(new TemplateSyntax(text, pieces.ToImmutable()), 0, 0);
    }

    /// <summary>Whether a hole's content is a dotted field path such as <c>vlan.id</c>.</summary>
    public static bool IsPlainPath(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty)
        {
            return false;
        }

        foreach (var range in code.Split('.'))
        {
            if (!FlowIdentifiers.IsFieldName(code[range]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Flush(ImmutableArray<TemplatePiece>.Builder pieces, StringBuilder literal, string text, int start)
    {
        if (literal.Length > 0)
        {
            pieces.Add(new TextPiece(literal.ToString(), LineAndColumn(text, start).Column, start));
            literal.Clear();
        }
    }

    // The closing braces, skipping over quoted strings so {{ "}}" }} works as Scriban would read it.
    private static int FindClose(string text, int from)
    {
        char quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
