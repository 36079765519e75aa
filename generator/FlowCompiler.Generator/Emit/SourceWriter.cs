using System.Text;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Writes C# line by line with four-space indentation and <c>\n</c> line ends. Blocks are opened with
/// <see cref="Block"/> and closed by disposing, so braces always balance; <see cref="ToString"/> checks that
/// the indentation is back to zero, which catches an unbalanced block where it was made.
/// </summary>
public sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, LineSpan> _nodeSpans = new(StringComparer.Ordinal);
    private int _indent;
    private int _lines;

    /// <summary>The lines each node's code took, recorded by <see cref="Node"/>.</summary>
    public IReadOnlyDictionary<string, LineSpan> NodeSpans => _nodeSpans;

    /// <summary>Writes one line at the current indentation; the line must not contain a line break.</summary>
    public void WriteLine(string line)
    {
        for (var i = 0; i < _indent; i++)
        {
            _text.Append(IndentUnit);
        }

        _text.Append(line).Append('\n');
        _lines++;
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine()
    {
        _text.Append('\n');
        _lines++;
    }

    /// <summary>Records the lines written until disposed as the code of node <paramref name="nodeId"/>.</summary>
    public IDisposable Node(string nodeId) => new NodeEnd(this, nodeId, _lines + 1);

    /// <summary>Writes <paramref name="header"/>, opens a brace block, and closes it (with <paramref name="closing"/> after the brace) when disposed.</summary>
    public IDisposable Block(string header, string closing = "")
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
        return new BlockEnd(this, closing);
    }

    /// <summary>The text written; throws when a block was left open.</summary>
    public override string ToString() =>
        _indent == 0 ? _text.ToString() : throw new InvalidOperationException($"The generated code has {_indent} unclosed block(s).");

    private sealed class NodeEnd(SourceWriter writer, string nodeId, int startLine) : IDisposable
    {
        public void Dispose() => writer._nodeSpans[nodeId] = new LineSpan(startLine, writer._lines);
    }

    private sealed class BlockEnd(SourceWriter writer, string closing) : IDisposable
    {
        private bool _closed;

        public void Dispose()
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            writer._indent--;
            writer.WriteLine("}" + closing);
        }
    }
}
