using System.Collections.Frozen;
using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using Scriban;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Finds Scriban blocks spread over several holes (<c>{{ if x }}…{{ else }}…{{ end }}</c>). A hole is one
/// expression, so such a block is refused as a whole, with one error that names its parts and shows the
/// one-hole form, instead of one error per hole (the <c>{{ end }}</c> would read as an unknown field).
/// </summary>
internal static class ScriptBlocks
{
    private static readonly FrozenSet<string> Openers =
        new[] { "if", "for", "while", "tablerow", "case", "capture", "with", "wrap", "func" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Continuations =
        new[] { "else", "elsif", "when", "end" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The holes of <paramref name="syntax"/> that open, continue or close a block left open in its own hole.</summary>
    public static ImmutableArray<TemplatePiece> Parts(TemplateSyntax syntax, Scope scope) =>
        [.. syntax.Segments.Where(piece => IsPart(piece, scope))];

    /// <summary>The one message for a template's block parts.</summary>
    public static string Describe(ImmutableArray<TemplatePiece> parts)
    {
        var first = parts[0];
        var word = FirstWord(Code(first));
        var rest = parts.Skip(1).Select(p => $"{Hole(p)} at column {p.Column}").ToList();
        var where = Openers.Contains(word)
            ? $"{Hole(first)} at column {first.Column} opens a Scriban block{(rest.Count > 0 ? $" that goes on in other holes ({string.Join(", ", rest)})" : " that no hole closes")}"
            : $"{Hole(first)} at column {first.Column} {(word == "end" ? "closes" : "continues")} a Scriban block that no hole of its own opens{(rest.Count > 0 ? $" (with {string.Join(", ", rest)})" : "")}";
        var condition = word == "if" ? Code(first)[2..].Trim() : "condition";
        var instead = word is "for" or "tablerow" or "while"
            ? "list values in one hole, e.g. {{ charges | array.map \"description\" | array.join \", \" }}"
            : $"write the choice in one hole, e.g. {{{{ {condition} ? \"…\" : \"…\" }}}}";
        return $"{where}. Each hole is one expression, so a block cannot span holes: {instead}.";
    }

    private static bool IsPart(TemplatePiece piece, Scope scope)
    {
        switch (piece)
        {
            case PathPiece path:
                // {{ end }} is a plain path to the parser; it is a field only when the scope has one so named.
                return Continuations.Contains(path.Path) && scope.Find(path.Path) is null;
            case ScriptPiece script:
                var word = FirstWord(script.Code);
                return Continuations.Contains(word)
                    || (Openers.Contains(word) && Template.Parse("{{ " + script.Code + " }}").HasErrors);
            default:
                return false;
        }
    }

    private static string Code(TemplatePiece piece) => piece switch
    {
        PathPiece path => path.Path,
        ScriptPiece script => script.Code,
        _ => "",
    };

    private static string Hole(TemplatePiece piece) => "{{ " + Code(piece) + " }}";

    private static string FirstWord(string code)
    {
        var end = 0;
        while (end < code.Length && (char.IsAsciiLetterOrDigit(code[end]) || code[end] == '_'))
        {
            end++;
        }

        return code[..end];
    }
}
