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
    private int _indent;

    /// <summary>Writes one line at the current indentation; the line must not contain a line break.</summary>
    public void WriteLine(string line)
    {
        for (var i = 0; i < _indent; i++)
        {
            _text.Append(IndentUnit);
        }

        _text.Append(line).Append('\n');
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _text.Append('\n');

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
