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

        var segments = ImmutableArray.CreateBuilder<BoundSegment>(syntax.Segments.Length);
        var hole = 0;
        var ok = true;
        foreach (var piece in syntax.Segments)
        {
            switch (piece)
            {
                case TextPiece literal:
                    segments.Add(new LiteralSegment(literal.Text));
                    break;
                case PathPiece path:
                    var escape = escapes[hole++];
                    if (BindPathHole(path, scope, nodeId, jsonPath, diagnostics) is { } bound)
                    {
                        segments.Add(new FieldSegment(bound, escape));
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case ScriptPiece script:
                    var scriptEscape = escapes[hole++];
                    if (BindScriptHole(script, scope, nodeId, jsonPath, diagnostics) is { } variables)
                    {
                        segments.Add(new ScriptSegment(script.Code, scriptEscape, variables));
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

    private static ImmutableArray<ScopeVariable>? BindScriptHole(ScriptPiece piece, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        var result = ScriptHoleChecker.Check(piece.Code, name => scope.Find(name) is not null);
        foreach (var error in result.Errors)
        {
            diagnostics.Error(DiagnosticCodes.TemplateSyntax, nodeId, jsonPath,
                $"the expression {{{{ {piece.Code} }}}} at column {piece.Column} does not parse: {error}");
        }

        foreach (var name in result.UnknownNames)
        {
            var suggestion = NameSuggester.Closest(name, scope.Variables.Select(v => v.Name));
            diagnostics.Error(DiagnosticCodes.TemplateUnknownVariable, nodeId, jsonPath,
                $"the expression {{{{ {piece.Code} }}}} uses \"{name}\", which is not in scope{NameSuggester.DidYouMean(suggestion)}. Fields here: {PathBinder.ListFields(scope)}.");
        }

        if (!result.Errors.IsEmpty || !result.UnknownNames.IsEmpty)
        {
            return null;
        }

        return [.. result.Paths.Select(p => p.Split('.')[0]).Distinct().Select(scope.Find).OfType<ScopeVariable>()];
    }

    /// <summary>Whether a Scriban hole reads a sensitive field.</summary>
    internal static bool ReadsSensitive(ScriptSegment segment)
    {
        var paths = ScriptHoleChecker.Check(segment.Code, _ => true).Paths;
        foreach (var variable in segment.Variables)
        {
            if (variable.Field?.IsSensitive == true)
            {
                return true;
            }

            var type = variable.Type is ArrayType a ? a.Element : variable.Type;
            if (type is ObjectType obj && paths.Any(p => p.StartsWith(variable.Name + ".", StringComparison.Ordinal)
                    && obj.Find(p.Split('.')[1])?.IsSensitive == true))
            {
                return true;
            }
        }

        return false;
    }

    private static string Article(string display) => display.StartsWith("array", StringComparison.Ordinal) ? "an " + display : "an object (" + display + ")";
}
