using System.Collections.Immutable;

namespace FlowCompiler.Generator.Templates;

/// <summary>A parsed template: literal text and holes, in order.</summary>
/// <param name="Source">The template text.</param>
/// <param name="Segments">The pieces, adjacent literals merged.</param>
public sealed record TemplateSyntax(string Source, ImmutableArray<TemplatePiece> Segments)
{
    /// <summary>Whether the template has any hole.</summary>
    public bool HasHoles => Segments.Any(s => s is not TextPiece);
}

/// <summary>One piece of a template.</summary>
/// <param name="Column">1-based column of the piece in its line.</param>
/// <param name="Offset">0-based offset of the piece in the template.</param>
public abstract record TemplatePiece(int Column, int Offset);

/// <summary>Literal text (a <c>{{ "{{" }}</c> hole is folded into it as <c>{{</c>).</summary>
/// <param name="Text">The text.</param>
/// <param name="Column">Column.</param>
/// <param name="Offset">Offset.</param>
public sealed record TextPiece(string Text, int Column, int Offset) : TemplatePiece(Column, Offset);

/// <summary>A hole holding a plain field path; lowered to a direct append, never through Scriban.</summary>
/// <param name="Path">The path, trimmed.</param>
/// <param name="Column">Column.</param>
/// <param name="Offset">Offset.</param>
public sealed record PathPiece(string Path, int Column, int Offset) : TemplatePiece(Column, Offset);

/// <summary>A hole holding a Scriban expression (spec §4, beyond the product page).</summary>
/// <param name="Code">The expression, without the braces.</param>
/// <param name="Column">Column.</param>
/// <param name="Offset">Offset.</param>
public sealed record ScriptPiece(string Code, int Column, int Offset) : TemplatePiece(Column, Offset);
