using System.Globalization;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Templates lowered to appends on a pooled builder sized from the literal text: one method per template,
/// the escaping of each hole chosen here from its type and where it lands (spec §4). Plain paths are
/// direct appends; Scriban holes render a template parsed once into a static field.
/// </summary>
public sealed partial class FlowEmitter
{
    /// <summary>The C# expression of a template's rendered text: a literal when it has no holes, else a call to its render method.</summary>
    private string RenderTemplate(BoundNode node, string parameter, BoundTemplate template)
    {
        if (template.IsConstant)
        {
            return CSharpText.Literal(string.Concat(template.Segments.OfType<LiteralSegment>().Select(s => s.Text)));
        }

        var name = _members.Reserve(_nodeNames[node.Id] + IdentifierSet.Pascal(parameter));
        _pendingTemplates.Add((name, node, parameter, template));
        return $"{name}({ValueArguments(node.Scope)})";
    }

    private readonly List<(string Name, BoundNode Node, string Parameter, BoundTemplate Template)> _pendingTemplates = [];

    private void EmitPendingTemplates()
    {
        foreach (var (name, node, parameter, template) in _pendingTemplates)
        {
            EmitTemplateMethod(name, node, parameter, template);
        }

        _pendingTemplates.Clear();
    }

    private void EmitTemplateMethod(string name, BoundNode node, string parameter, BoundTemplate template)
    {
        var w = _writer;
        w.WriteLine();
        var scripts = new List<string>();
        foreach (var segment in template.Segments.OfType<ScriptSegment>())
        {
            var field = _members.Reserve(name + "Script");
            w.WriteLine($"private static readonly FlowScript {field} = FlowScript.Parse({CSharpText.Literal(segment.Code)});");
            scripts.Add(field);
        }

        if (scripts.Count > 0)
        {
            w.WriteLine();
        }

        w.WriteLine($"// {CSharpText.Comment($"{parameter}: {CSharpText.Literal(template.Source)}")}");
        using (w.Block($"private static string {name}({ValueParameters(node.Scope)})"))
        {
            var locals = MethodLocals();
            var holes = template.Segments.Count(s => s is not LiteralSegment);
            w.WriteLine($"var text = TemplateText.Create({template.LiteralLength.ToString(CultureInfo.InvariantCulture)}, {holes.ToString(CultureInfo.InvariantCulture)});");
            var script = 0;
            foreach (var segment in template.Segments)
            {
                switch (segment)
                {
                    case LiteralSegment { Text.Length: > 0 } literal:
                        w.WriteLine($"text.AppendLiteral({CSharpText.Literal(literal.Text)});");
                        break;
                    case FieldSegment field:
                        EmitFieldHole(field, locals);
                        break;
                    case ScriptSegment hole:
                        EmitScriptHole(hole, scripts[script++], node.Scope);
                        break;
                }
            }

            w.WriteLine("return text.ToStringAndClear();");
        }
    }

    private void EmitFieldHole(FieldSegment hole, IdentifierSet locals)
    {
        var w = _writer;
        var path = hole.Path;
        var kind = ((ScalarType)(path.Type is ArrayType array ? array.Element : path.Type)).Kind;
        var append = AppendMethod(kind, hole.Escape);
        if (!path.IsMany && path.Type is not ArrayType)
        {
            w.WriteLine(DirectAppend(path.Type, hole.Escape, Single(path)) ?? $"TemplateText.{append}(ref text, {Single(path)});");
            return;
        }

        // Many values are joined with ", " (spec §4); a hole in JSON value position becomes a JSON array.
        var asJsonArray = hole.Escape == HoleEscape.JsonValue;
        var first = locals.Reserve("first");
        if (asJsonArray)
        {
            w.WriteLine("text.AppendLiteral(\"[\");");
        }

        w.WriteLine($"var {first} = true;");
        Each(Start(path), path, 0, locals, value =>
        {
            using (w.Block($"if (!{first})"))
            {
                w.WriteLine("text.AppendLiteral(\", \");");
            }

            w.WriteLine($"{first} = false;");
            w.WriteLine($"TemplateText.{append}(ref text, {value});");
        });
        if (asJsonArray)
        {
            w.WriteLine("text.AppendLiteral(\"]\");");
        }
    }

    // Text, and a number, datetime or boolean that cannot be null, needing no escaping, is appended as C# interpolation
    // would append it, straight into the handler (whose culture is the invariant one); the TemplateText helpers are for
    // nullable values and escaping.
    private static string? DirectAppend(FlowType type, HoleEscape escape, string value) => (type, escape) switch
    {
        (ScalarType { Kind: ScalarKind.String }, HoleEscape.None) => $"text.AppendFormatted({value});",
        (ScalarType { IsNullable: false, Kind: ScalarKind.Int or ScalarKind.Decimal }, HoleEscape.None or HoleEscape.JsonValue) => $"text.AppendFormatted({value});",
        (ScalarType { IsNullable: false, Kind: ScalarKind.DateTime }, HoleEscape.None) => $"text.AppendFormatted({value}, TemplateText.DateTimeFormat);",
        (ScalarType { IsNullable: false, Kind: ScalarKind.Bool }, HoleEscape.None or HoleEscape.JsonValue) => $"text.AppendLiteral({value} ? \"true\" : \"false\");",
        _ => null,
    };

    private static string AppendMethod(ScalarKind kind, HoleEscape escape) => (kind, escape) switch
    {
        (_, HoleEscape.JsonValue) => "AppendJsonValue",
        (ScalarKind.String, HoleEscape.UrlComponent) or (ScalarKind.DateTime, HoleEscape.UrlComponent) => "AppendUrl",
        (ScalarKind.String, HoleEscape.JsonString) => "AppendJsonString",
        (ScalarKind.String, HoleEscape.Html) => "AppendHtml",
        (ScalarKind.String, HoleEscape.Header) => "AppendHeader",
        _ => "Append",
    };

    // The model holds exactly the names the expression reads, as flows write them. In JSON value position the
    // expression's value is appended as the JSON value its static type says; elsewhere its text is escaped.
    private void EmitScriptHole(ScriptSegment hole, string field, Scope scope)
    {
        var w = _writer;
        var entries = hole.Variables.Select(v => $"[{CSharpText.Literal(v.Name)}] = {ScriptValue(v, scope)}");
        var model = $"new ScriptObject {{ {string.Join(", ", entries)} }}";
        w.WriteLine(hole.Escape == HoleEscape.JsonValue
            ? $"{field}.AppendJsonValue(ref text, {model}, ScriptJsonType.{hole.JsonType});"
            : $"TemplateText.{AppendMethod(ScalarKind.String, hole.Escape)}(ref text, {field}.Render({model}));");
    }

    private string ScriptValue(ScopeVariable variable, Scope scope)
    {
        // A root array narrowed by a filter above is its matching element, as for plain paths.
        var narrowings = scope.Narrowings.Where(n => n.Root == variable.Name).ToList();
        var narrowed = narrowings.LastOrDefault(n => n.Prefix.IsEmpty);
        var (expression, type) = narrowed is not null
            ? (NarrowedElement(narrowed.FilterId), narrowed.Element)
            : variable.Source == VariableSource.EventField
                ? ($"{Payload}.{variable.Field!.ClrName}", variable.Type)
                : (OutputField(variable.NodeId!), variable.Type);
        var value = ScriptConversion(expression, type);

        // So is an array deeper inside it (r.items below a filter on r.items.name).
        foreach (var inner in narrowings.Where(n => !n.Prefix.IsEmpty))
        {
            value = $"FlowScript.Narrow({value}, {CSharpText.Literal(string.Join('.', inner.Prefix))}, {ScriptConversion(NarrowedElement(inner.FilterId), inner.Element)})";
        }

        return value;
    }

    private string ScriptConversion(string expression, FlowType type)
    {
        if (type is ScalarType)
        {
            return $"(object?){expression}";
        }

        _scriptTypes.Add(type is ObjectType obj ? obj with { IsNullable = false } : type);
        return $"ToScript({expression})";
    }
}
