using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Hands out readable, unique C# identifiers in one ordered pass: <c>is-vip</c> becomes <c>IsVip</c>, a
/// second <c>IsVip</c> becomes <c>IsVip2</c>. Reserved names are never handed out.
/// </summary>
public sealed class IdentifierSet
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Creates a set where <paramref name="reserved"/> are already taken.</summary>
    public IdentifierSet(IEnumerable<string> reserved)
    {
        _taken.UnionWith(reserved);
    }

    /// <summary>Every name taken so far, to seed a nested scope's set.</summary>
    public IEnumerable<string> Taken => _taken;

    /// <summary>A unique PascalCase identifier made from <paramref name="text"/> (a node id or field name).</summary>
    public string ReservePascal(string text) => Reserve(Pascal(text));

    /// <summary>A unique camelCase identifier made from <paramref name="text"/>.</summary>
    public string ReserveCamel(string text)
    {
        var pascal = Pascal(text);
        return Reserve(char.ToLowerInvariant(pascal[0]) + pascal[1..]);
    }

    /// <summary>Reserves <paramref name="name"/>, or the first free <c>name2</c>, <c>name3</c>…</summary>
    public string Reserve(string name)
    {
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
        {
            name += "Value";
        }

        var candidate = name;
        for (var n = 2; !_taken.Add(candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>PascalCase of a node id or field name: separators (<c>-</c>, <c>_</c>) start a new word.</summary>
    public static string Pascal(string text)
    {
        var result = new StringBuilder(text.Length);
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (result.Length == 0 || char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, "N");
        }

        return result.ToString();
    }
}
