using System.Collections.Immutable;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Proves a JSON body template is valid JSON for any field values (spec §4). Holes are treated as opaque
/// tokens: a hole between the quotes of a string is JSON-escaped content, a hole where a value belongs is
/// rendered as a whole JSON value; a hole anywhere else (a key, next to a number) is an error, as is any
/// grammar error in the literal text.
/// </summary>
public sealed class JsonBodyAnalyzer
{
    private const int MaxDepth = 64;
    private readonly List<(char Char, int Hole, int Offset)> _items = [];
    private readonly HoleEscape[] _escapes;
    private int _position;

    private JsonBodyAnalyzer(TemplateSyntax body)
    {
        var holes = 0;
        foreach (var piece in body.Segments)
        {
            if (piece is TextPiece text)
            {
                for (var i = 0; i < text.Text.Length; i++)
                {
                    _items.Add((text.Text[i], -1, text.Offset + i));
                }
            }
            else
            {
                _items.Add(('\0', holes++, piece.Offset));
            }
        }

        _escapes = new HoleEscape[holes];
    }

    /// <summary>The escaping of each hole in order, or the first grammar error (with its 1-based column).</summary>
    /// <param name="Escapes">One escape per hole, when the body is valid.</param>
    /// <param name="Error">What is wrong, or null.</param>
    public readonly record struct Result(ImmutableArray<HoleEscape> Escapes, string? Error);

    /// <summary>Analyzes one body template.</summary>
    public static Result Analyze(TemplateSyntax body)
    {
        var analyzer = new JsonBodyAnalyzer(body);
        var error = analyzer.ParseDocument();
        return new Result(error is null ? [.. analyzer._escapes] : [], error);
    }

    private string? ParseDocument()
    {
        SkipWhitespace();
        var error = ParseValue(0);
        if (error is not null)
        {
            return error;
        }

        SkipWhitespace();
        return _position < _items.Count ? Unexpected("the end of the body") : null;
    }

    private string? ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            return $"the body nests deeper than {MaxDepth} levels";
        }

        if (_position >= _items.Count)
        {
            return "the body ends where a value is expected";
        }

        var (c, hole, _) = _items[_position];
        if (hole >= 0)
        {
            _escapes[hole] = HoleEscape.JsonValue;
            _position++;
            return null;
        }

        return c switch
        {
            '{' => ParseObject(depth),
            '[' => ParseArray(depth),
            '"' => ParseString(allowHoles: true),
            't' => ParseWord("true"),
            'f' => ParseWord("false"),
            'n' => ParseWord("null"),
            '-' or (>= '0' and <= '9') => ParseNumber(),
            _ => Unexpected("a value"),
        };
    }

    private string? ParseObject(int depth)
    {
        _position++;
        SkipWhitespace();
        if (Is('}'))
        {
            _position++;
            return null;
        }

        while (true)
        {
            SkipWhitespace();
            if (!Is('"'))
            {
                return IsHole()
                    ? Unexpected("a quoted property name (a template hole cannot be a whole key; put it inside quotes)")
                    : Unexpected("a quoted property name");
            }

            var error = ParseString(allowHoles: true) ?? Expect(':');
            if (error is null)
            {
                SkipWhitespace();
                error = ParseValue(depth + 1);
            }

            if (error is not null)
            {
                return error;
            }

            SkipWhitespace();
            if (Is(','))
            {
                _position++;
                continue;
            }

            return Is('}') ? Advance() : Unexpected("',' or '}'");
        }
    }

    private string? ParseArray(int depth)
    {
        _position++;
        SkipWhitespace();
        if (Is(']'))
        {
            _position++;
            return null;
        }

        while (true)
        {
            SkipWhitespace();
            var error = ParseValue(depth + 1);
            if (error is not null)
            {
                return error;
            }

            SkipWhitespace();
            if (Is(','))
            {
                _position++;
                continue;
            }

            return Is(']') ? Advance() : Unexpected("',' or ']'");
        }
    }

    private string? ParseString(bool allowHoles)
    {
        _position++;
        while (_position < _items.Count)
        {
            var (c, hole, _) = _items[_position];
            if (hole >= 0)
            {
                if (!allowHoles)
                {
                    return Unexpected("text");
                }

                _escapes[hole] = HoleEscape.JsonString;
                _position++;
                continue;
            }

            if (c == '"')
            {
                _position++;
                return null;
            }

            if (c < ' ')
            {
                return Unexpected("an escaped character (write a line break inside a JSON string as \\n)");
            }

            if (c == '\\')
            {
                _position++;
                if (_position >= _items.Count || _items[_position].Hole >= 0)
                {
                    return Unexpected("an escape sequence after '\\'");
                }

                var escaped = _items[_position].Char;
                if (escaped == 'u')
                {
                    for (var i = 1; i <= 4; i++)
                    {
                        if (_position + i >= _items.Count || _items[_position + i].Hole >= 0 || !char.IsAsciiHexDigit(_items[_position + i].Char))
                        {
                            return Unexpected("four hex digits after \\u");
                        }
                    }

                    _position += 4;
                }
                else if (escaped is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    return Unexpected("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
            }

            _position++;
        }

        return "a JSON string is not closed; add the closing '\"'";
    }

    private string? ParseWord(string word)
    {
        foreach (var expected in word)
        {
            if (!Is(expected))
            {
                return Unexpected($"'{word}'");
            }

            _position++;
        }

        return null;
    }

    private string? ParseNumber()
    {
        var start = _position;
        if (Is('-'))
        {
            _position++;
        }

        if (Is('0'))
        {
            _position++;
        }
        else if (!Digits())
        {
            return Unexpected("a digit");
        }

        if (Is('.'))
        {
            _position++;
            if (!Digits())
            {
                return Unexpected("a digit after '.'");
            }
        }

        if (Is('e') || Is('E'))
        {
            _position++;
            if (Is('+') || Is('-'))
            {
                _position++;
            }

            if (!Digits())
            {
                return Unexpected("a digit in the exponent");
            }
        }

        return _position > start ? null : Unexpected("a number");
    }

    private bool Digits()
    {
        var start = _position;
        while (_position < _items.Count && _items[_position].Hole < 0 && char.IsAsciiDigit(_items[_position].Char))
        {
            _position++;
        }

        return _position > start;
    }

    private string? Expect(char c)
    {
        SkipWhitespace();
        return Is(c) ? Advance() : Unexpected($"'{c}'");
    }

    private string? Advance()
    {
        _position++;
        return null;
    }

    private bool Is(char c) => _position < _items.Count && _items[_position].Hole < 0 && _items[_position].Char == c;

    private bool IsHole() => _position < _items.Count && _items[_position].Hole >= 0;

    private void SkipWhitespace()
    {
        while (_position < _items.Count && _items[_position].Hole < 0 && _items[_position].Char is ' ' or '\t' or '\n' or '\r')
        {
            _position++;
        }
    }

    private string Unexpected(string expected)
    {
        if (_position >= _items.Count)
        {
            return $"the body ends where {expected} is expected";
        }

        var (c, hole, offset) = _items[_position];
        var found = hole >= 0 ? "a template hole" : $"'{c}'";
        return $"at offset {offset + 1}: expected {expected}, found {found}";
    }
}
