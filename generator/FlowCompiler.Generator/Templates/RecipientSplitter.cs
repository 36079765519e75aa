using System.Collections.Immutable;
using System.Text;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Reads the mailbox structure of a <c>to</c> template with holes from its literal text alone (RFC 5322:
/// mailboxes separated by commas, a display name quoted or not before <c>&lt;address&gt;</c>, comments in
/// parentheses), and so decides for each hole whether it lands in a display name or in an address. A hole
/// anywhere else (in a comment, after the <c>&gt;</c>) is an error: event data never shapes the list.
/// </summary>
internal static class RecipientSplitter
{
    /// <summary>The parts of <paramref name="syntax"/>, or what is wrong with it.</summary>
    public static (ImmutableArray<RecipientSyntax> Parts, string? Error) Split(TemplateSyntax syntax)
    {
        var parts = ImmutableArray.CreateBuilder<RecipientSyntax>();
        var literals = new StringBuilder();
        var entry = new Entry();
        foreach (var piece in syntax.Segments)
        {
            var error = piece is TextPiece text ? entry.Read(text, parts, literals) : entry.Add(piece);
            if (error is not null)
            {
                return ([], error);
            }
        }

        var last = entry.Unclosed() ?? entry.Finish(parts, literals);
        if (last is not null)
        {
            return ([], last);
        }

        FlushLiterals(parts, literals);
        return (parts.ToImmutable(), null);
    }

    private static void FlushLiterals(ImmutableArray<RecipientSyntax>.Builder parts, StringBuilder literals)
    {
        if (literals.Length > 0)
        {
            parts.Add(new LiteralRecipientsSyntax(literals.ToString()));
            literals.Clear();
        }
    }

    private static string Show(TemplatePiece hole) => $"{HoleText(hole)} at column {hole.Column}";

    private static string HoleText(TemplatePiece hole) =>
        hole is PathPiece path ? $"{{{{{path.Path}}}}}" : $"{{{{ {((ScriptPiece)hole).Code} }}}}";

    // The mailbox being read: what goes into its name, into its address when it has no brackets (bare),
    // and between its brackets; its literal source for when it turns out to have no holes.
    private sealed class Entry
    {
        private readonly PieceList _name = new();
        private readonly PieceList _bare = new();
        private readonly PieceList _bracketed = new();
        private readonly StringBuilder _source = new();
        private TemplatePiece? _firstHole;
        private bool _quoted;
        private bool _escaped;
        private int _commentDepth;
        private bool _inBrackets;
        private bool _closed;
        private bool _group;
        private bool _trailing;

        public string? Read(TextPiece text, ImmutableArray<RecipientSyntax>.Builder parts, StringBuilder literals)
        {
            foreach (var c in text.Text)
            {
                if (c == ',' && !_quoted && _commentDepth == 0 && !_inBrackets)
                {
                    if (Finish(parts, literals) is { } error)
                    {
                        return error;
                    }

                    continue;
                }

                if (Read(c, text) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        public string? Add(TemplatePiece hole)
        {
            _firstHole ??= hole;
            if (_commentDepth > 0)
            {
                return $"{Show(hole)} is inside a comment (in parentheses), where it is neither a display name nor an address; write \"{{{{name}}}}\" <{{{{email}}}}> or {{{{email}}}}";
            }

            if (_closed)
            {
                return $"{Show(hole)} comes after the '>' that ends the address; put it in the display name (\"…\" <…>) or between '<' and '>'";
            }

            if (_inBrackets)
            {
                _bracketed.AddHole(hole);
            }
            else
            {
                _name.AddHole(hole);
                _bare.AddHole(hole);
            }

            return null;
        }

        public string? Unclosed() =>
            _quoted ? "a quoted display name is never closed with '\"'"
            : _commentDepth > 0 ? "a comment '(' is never closed with ')'"
            : _inBrackets ? "an address '<' is never closed with '>'"
            : null;

        // Ends the mailbox at a comma or the end: literal text joins the pending literals, a mailbox with holes becomes a part.
        public string? Finish(ImmutableArray<RecipientSyntax>.Builder parts, StringBuilder literals)
        {
            if (_firstHole is not { } hole)
            {
                var text = _source.ToString();
                if (!string.IsNullOrWhiteSpace(text))
                {
                    literals.Append(literals.Length > 0 ? ", " : "").Append(text.Trim());
                }
            }
            else
            {
                if (Unclosed() is { } unclosed)
                {
                    return unclosed;
                }

                if (_group)
                {
                    return $"the mailbox with {Show(hole)} is written as an address group (name: …;); list the addresses separated by commas instead";
                }

                if (_trailing)
                {
                    return $"the mailbox with {Show(hole)} has text after the '>' that ends its address; remove it";
                }

                FlushLiterals(parts, literals);
                parts.Add(_closed
                    ? new MailboxSyntax(_name.HasContent ? _name.ToSyntax() : null, _bracketed.ToSyntax())
                    : new MailboxSyntax(null, _bare.ToSyntax()));
            }

            Reset();
            return null;
        }

        private string? Read(char c, TextPiece text)
        {
            _source.Append(c);
            if (_quoted)
            {
                // The quotes and escapes belong to the syntax: the name holds the text between them.
                if (_escaped)
                {
                    _escaped = false;
                    Keep(c, nameChar: c, text);
                }
                else if (c == '\\')
                {
                    _escaped = true;
                    Keep(c, nameChar: null, text);
                }
                else
                {
                    _quoted = c != '"';
                    Keep(c, nameChar: _quoted ? c : null, text);
                }

                return null;
            }

            if (_commentDepth > 0)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else
                {
                    _escaped = c == '\\';
                    _commentDepth += c switch { '(' => 1, ')' => -1, _ => 0 };
                }

                return null;
            }

            switch (c)
            {
                case '"':
                    _quoted = true;
                    Keep(c, nameChar: null, text);
                    break;
                case '(':
                    _commentDepth = 1;
                    break;
                case '<':
                    if (_inBrackets || _closed)
                    {
                        return "a mailbox has a second '<'; write one address per mailbox, separated by commas";
                    }

                    _inBrackets = true;
                    break;
                case '>':
                    if (!_inBrackets)
                    {
                        return "a '>' has no '<' before it";
                    }

                    _inBrackets = false;
                    _closed = true;
                    break;
                case ':' or ';' when !_inBrackets:
                    _group = true;
                    break;
                default:
                    if (_closed)
                    {
                        _trailing |= !char.IsWhiteSpace(c);
                    }
                    else
                    {
                        Keep(c, nameChar: c, text);
                    }

                    break;
            }

            return null;
        }

        // A character of the address as written (quotes included), and of the display name without its quoting.
        private void Keep(char c, char? nameChar, TextPiece text)
        {
            if (_inBrackets)
            {
                _bracketed.AddText(c, text);
                return;
            }

            _bare.AddText(c, text);
            if (nameChar is { } n)
            {
                _name.AddText(n, text);
            }
        }

        private void Reset()
        {
            _name.Clear();
            _bare.Clear();
            _bracketed.Clear();
            _source.Clear();
            _firstHole = null;
            _quoted = _escaped = _inBrackets = _closed = _group = _trailing = false;
            _commentDepth = 0;
        }
    }

    // Pieces of a name or an address being collected; their source (for comments) is written from them.
    private sealed class PieceList
    {
        private readonly List<TemplatePiece> _pieces = [];
        private readonly StringBuilder _text = new();
        private TextPiece? _textStart;

        public bool HasContent => _pieces.Count > 0 || !string.IsNullOrWhiteSpace(_text.ToString());

        public void AddText(char c, TextPiece origin)
        {
            _textStart ??= origin;
            _text.Append(c);
        }

        public void AddHole(TemplatePiece hole)
        {
            FlushText();
            _pieces.Add(hole);
        }

        // Whitespace around a name or an address is layout, not part of it.
        public TemplateSyntax ToSyntax()
        {
            FlushText();
            var pieces = _pieces.ToList();
            if (pieces is [TextPiece first, ..])
            {
                pieces[0] = first with { Text = first.Text.TrimStart() };
            }

            if (pieces is [.., TextPiece last])
            {
                pieces[^1] = last with { Text = last.Text.TrimEnd() };
            }

            pieces.RemoveAll(p => p is TextPiece { Text.Length: 0 });
            return new TemplateSyntax(string.Concat(pieces.Select(Source)), [.. pieces]);
        }

        private static string Source(TemplatePiece piece) =>
            piece is TextPiece text ? text.Text.Replace("{{", "{{ \"{{\" }}", StringComparison.Ordinal) : HoleText(piece);

        public void Clear()
        {
            _pieces.Clear();
            _text.Clear();
            _textStart = null;
        }

        private void FlushText()
        {
            if (_text.Length == 0)
            {
                return;
            }

            _pieces.Add(new TextPiece(_text.ToString(), _textStart!.Column, _textStart.Offset));
            _text.Clear();
            _textStart = null;
        }
    }
}
