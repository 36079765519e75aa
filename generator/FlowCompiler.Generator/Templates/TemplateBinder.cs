using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Binds a template in a node's scope: parses it, resolves each hole, checks it can be rendered, and
/// decides each hole's escaping from where the text lands.
/// </summary>
public static class TemplateBinder
{
    /// <summary>Binds <paramref name="text"/>; returns null (with diagnostics) when it cannot be rendered.</summary>
    public static BoundTemplate? Bind(string text, TemplateContext context, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics) =>
        Parse(text, nodeId, jsonPath, diagnostics) is { } syntax ? Bind(syntax, context, scope, nodeId, jsonPath, diagnostics) : null;

    /// <summary>Parses <paramref name="text"/>; returns null (with a diagnostic) when a hole is never closed.</summary>
    internal static TemplateSyntax? Parse(string text, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var parsed = TemplateParser.Parse(text);
        if (parsed.Syntax is null)
        {
            diagnostics.Error(DiagnosticCodes.UnclosedHole, nodeId, jsonPath,
                $"\"{{{{\" at line {parsed.UnclosedLine}, column {parsed.UnclosedColumn} is never closed; end the hole with \"}}}}\", or write a literal \"{{{{\" as {{{{ \"{{{{\" }}}}.");
        }

        return parsed.Syntax;
    }

    /// <summary>Binds parsed template pieces (a whole template, or a part of one such as a mail address).</summary>
    internal static BoundTemplate? Bind(TemplateSyntax syntax, TemplateContext context, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var escapes = EscapesFor(syntax, context, nodeId, jsonPath, diagnostics);
        if (escapes.IsDefault)
        {
            return null;
        }

        // A block over several holes is one error; its holes are not bound one by one.
        var blockParts = ScriptBlocks.Parts(syntax, scope);
        var ok = blockParts.IsEmpty;
        if (!ok)
        {
            diagnostics.Error(DiagnosticCodes.TemplateNotAllowed, nodeId, jsonPath, ScriptBlocks.Describe(blockParts));
        }

        var segments = ImmutableArray.CreateBuilder<BoundSegment>(syntax.Segments.Length);
        var hole = 0;
        foreach (var piece in syntax.Segments)
        {
            if (blockParts.Contains(piece))
            {
                hole++;
                continue;
            }

            switch (piece)
            {
                case TextPiece literal:
                    segments.Add(new LiteralSegment(literal.Text));
                    break;
                case PathPiece path:
                    var escape = escapes[hole++];
                    if (BindPathOrScript(path, escape, scope, nodeId, jsonPath, diagnostics) is { } bound)
                    {
                        segments.Add(bound);
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case ScriptPiece script:
                    var scriptEscape = escapes[hole++];
                    if (BindScriptHole(script, scriptEscape, scope, nodeId, jsonPath, diagnostics) is { } scriptSegment)
                    {
                        segments.Add(scriptSegment);
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
            }
        }

        return ok ? new BoundTemplate(syntax.Source, segments.ToImmutable()) : null;
    }

    private static ImmutableArray<HoleEscape> EscapesFor(TemplateSyntax syntax, TemplateContext context, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var holes = syntax.Segments.Count(s => s is not TextPiece);
        switch (context)
        {
            case TemplateContext.Url:
                if (UrlTemplateRules.Check(syntax) is { } problem)
                {
                    diagnostics.Error(DiagnosticCodes.UnsafeUrl, nodeId, jsonPath, problem + ".");
                    return default;
                }

                return [.. Enumerable.Repeat(HoleEscape.UrlComponent, holes)];
            case TemplateContext.JsonBody:
                var analysis = JsonBodyAnalyzer.Analyze(syntax);
                if (analysis.Error is { } error)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidJsonBody, nodeId, jsonPath,
                        $"the body is not valid JSON for every field value: {error}. Put holes inside a JSON string (\"{{{{name}}}}\") or where a whole value goes ({{{{cpu}}}}), or use contentType text/plain.");
                    return default;
                }

                return analysis.Escapes;
            default:
                var escape = context switch
                {
                    TemplateContext.Header or TemplateContext.MailDisplayName => HoleEscape.Header,
                    TemplateContext.Html => HoleEscape.Html,
                    _ => HoleEscape.None,
                };
                return [.. Enumerable.Repeat(escape, holes)];
        }
    }

    // A dotted hole is a field path, except where only Scriban gives it a meaning: a datetime's member
    // (createdAt.year) or a builtin (string.upcase, date.now, this). Those are checked as expressions, so a
    // builtin gets the expression's diagnostics and anything else the path's.
    private static BoundSegment? BindPathOrScript(PathPiece piece, HoleEscape escape, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var pathDiagnostics = new DiagnosticBag();
        if (BindPathHole(piece, scope, nodeId, jsonPath, pathDiagnostics) is { } path)
        {
            return new FieldSegment(path, escape);
        }

        var root = piece.Path.Split('.')[0];
        var asScript = new ScriptPiece(piece.Path, piece.Column, piece.Offset);
        if (scope.Find(root) is null && ScriptFunction.IsScribanGlobal(root))
        {
            return BindScriptHole(asScript, escape, scope, nodeId, jsonPath, diagnostics);
        }

        if (scope.Find(root) is not null && ScriptHoleChecker.Check(piece.Path, scope).Problems.IsEmpty)
        {
            return BindScriptHole(asScript, escape, scope, nodeId, jsonPath, diagnostics);
        }

        foreach (var diagnostic in pathDiagnostics.ToImmutable())
        {
            diagnostics.Add(diagnostic);
        }

        return null;
    }

    private static BoundPath? BindPathHole(PathPiece piece, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var path = PathBinder.Bind(piece.Path, scope, nodeId, jsonPath, diagnostics);
        if (path is null)
        {
            return null;
        }

        if (path.Type is ObjectType or ArrayType)
        {
            var element = path.Type is ArrayType array ? array.Element : path.Type;
            var example = element is ObjectType { Fields.Length: > 0 } obj ? $" such as {{{{{piece.Path}.{obj.Fields[0].Name}}}}}" : "";
            diagnostics.Error(DiagnosticCodes.IncompatibleType, nodeId, jsonPath,
                $"{{{{{piece.Path}}}}} at column {piece.Column} is {Article(path.Type.Display)} and cannot be inserted as text; insert one of its fields{example}.");
            return null;
        }

        return path;
    }

    private static ScriptSegment? BindScriptHole(ScriptPiece piece, HoleEscape escape, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var result = ScriptHoleChecker.Check(piece.Code, scope);
        foreach (var (code, message) in result.Problems)
        {
            diagnostics.Error(code, nodeId, jsonPath, $"the expression {{{{ {piece.Code} }}}} at column {piece.Column}: {message}");
        }

        if (!result.Problems.IsEmpty)
        {
            return null;
        }

        if (!result.IsInsertable)
        {
            diagnostics.Error(DiagnosticCodes.IncompatibleType, nodeId, jsonPath,
                $"the expression {{{{ {piece.Code} }}}} at column {piece.Column} gives an object (or a list of them), which cannot be inserted as text; insert one of its fields.");
            return null;
        }

        return new ScriptSegment(piece.Code, escape, result.Variables, result.Type, result.ReadsSensitive);
    }

    /// <summary>Whether a Scriban hole reads a sensitive field.</summary>
    internal static bool ReadsSensitive(ScriptSegment segment) => segment.ReadsSensitive;

    private static string Article(string display) => display.StartsWith("array", StringComparison.Ordinal) ? "an " + display : "an object (" + display + ")";
}
