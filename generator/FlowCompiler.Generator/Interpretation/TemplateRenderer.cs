using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Runtime.Execution;
using Scriban.Runtime;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// Renders bound templates with the runtime's <see cref="TemplateText"/> appends, each hole escaped as the
/// binder decided (spec §4); many values are joined with <c>", "</c> (a JSON array in JSON value position);
/// Scriban holes render a <see cref="FlowScript"/> parsed once, with a model holding exactly the names they read.
/// </summary>
internal sealed class TemplateRenderer(PathEvaluator paths, IReadOnlyDictionary<string, int> nodeIndex)
{
    private readonly Dictionary<ScriptSegment, FlowScript> _scripts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parses the template's Scriban holes, once, when the interpreter is created.</summary>
    public void Prepare(BoundTemplate? template)
    {
        foreach (var segment in template?.Segments.OfType<ScriptSegment>() ?? [])
        {
            _scripts[segment] = FlowScript.Parse(segment.Code);
        }
    }

    /// <summary>Parses the Scriban holes of every name and address of a <c>to</c> template.</summary>
    public void Prepare(BoundRecipients to)
    {
        foreach (var template in to.Templates)
        {
            Prepare(template);
        }
    }

    /// <summary>The recipients of a <c>to</c> template, built as generated code builds them: literal mailboxes as they are, rendered ones checked.</summary>
    public MailRecipients Render(BoundRecipients to, BoundNode node, RunValues values)
    {
        var recipients = new MailRecipient[to.Mailboxes.Length];
        for (var i = 0; i < recipients.Length; i++)
        {
            var mailbox = to.Mailboxes[i];
            var name = mailbox.Name is null ? null : Render(mailbox.Name, node, values);
            var address = Render(mailbox.Address, node, values);
            recipients[i] = mailbox.IsLiteral ? new MailRecipient(name, address) : MailRecipient.Parse(name, address);
        }

        return new MailRecipients(recipients);
    }

    /// <summary>The rendered text of <paramref name="template"/> in the scope of <paramref name="node"/>.</summary>
    public string Render(BoundTemplate template, BoundNode node, RunValues values)
    {
        if (template.IsConstant)
        {
            return string.Concat(template.Segments.OfType<LiteralSegment>().Select(s => s.Text));
        }

        var text = TemplateText.Create(template.LiteralLength, template.Segments.Count(s => s is not LiteralSegment));
        foreach (var segment in template.Segments)
        {
            switch (segment)
            {
                case LiteralSegment literal:
                    text.AppendLiteral(literal.Text);
                    break;
                case FieldSegment field:
                    AppendField(ref text, field, values);
                    break;
                case ScriptSegment { Escape: HoleEscape.JsonValue } script:
                    _scripts[script].AppendJsonValue(ref text, Model(script, node.Scope, values), script.JsonType);
                    break;
                case ScriptSegment script:
                    Append(ref text, ScalarKind.String, script.Escape, _scripts[script].Render(Model(script, node.Scope, values)));
                    break;
            }
        }

        return text.ToStringAndClear();
    }

    private void AppendField(ref DefaultInterpolatedStringHandler text, FieldSegment hole, RunValues values)
    {
        var path = hole.Path;
        var kind = ((ScalarType)(path.Type is ArrayType array ? array.Element : path.Type)).Kind;
        if (!path.IsMany && path.Type is not ArrayType)
        {
            Append(ref text, kind, hole.Escape, paths.Single(path, values));
            return;
        }

        var asJsonArray = hole.Escape == HoleEscape.JsonValue;
        if (asJsonArray)
        {
            text.AppendLiteral("[");
        }

        var first = true;
        foreach (var value in PathEvaluator.Each(paths.Start(path, values), path, 0))
        {
            if (!first)
            {
                text.AppendLiteral(", ");
            }

            first = false;
            Append(ref text, kind, hole.Escape, value);
        }

        if (asJsonArray)
        {
            text.AppendLiteral("]");
        }
    }

    // The overload generated code calls for this kind and escape.
    private static void Append(ref DefaultInterpolatedStringHandler text, ScalarKind kind, HoleEscape escape, object? value)
    {
        switch (escape, kind)
        {
            case (HoleEscape.JsonValue, ScalarKind.String):
                TemplateText.AppendJsonValue(ref text, (string?)value);
                break;
            case (HoleEscape.JsonValue, ScalarKind.Int):
                TemplateText.AppendJsonValue(ref text, Whole(value));
                break;
            case (HoleEscape.JsonValue, ScalarKind.Decimal):
                TemplateText.AppendJsonValue(ref text, (decimal?)value);
                break;
            case (HoleEscape.JsonValue, ScalarKind.Bool):
                TemplateText.AppendJsonValue(ref text, (bool?)value);
                break;
            case (HoleEscape.JsonValue, ScalarKind.DateTime):
                TemplateText.AppendJsonValue(ref text, (DateTime?)value);
                break;
            case (HoleEscape.UrlComponent, ScalarKind.String):
                TemplateText.AppendUrl(ref text, (string?)value);
                break;
            case (HoleEscape.UrlComponent, ScalarKind.DateTime):
                TemplateText.AppendUrl(ref text, (DateTime?)value);
                break;
            case (HoleEscape.JsonString, ScalarKind.String):
                TemplateText.AppendJsonString(ref text, (string?)value);
                break;
            case (HoleEscape.Html, ScalarKind.String):
                TemplateText.AppendHtml(ref text, (string?)value);
                break;
            case (HoleEscape.Header, ScalarKind.String):
                TemplateText.AppendHeader(ref text, (string?)value);
                break;
            case (_, ScalarKind.String):
                TemplateText.Append(ref text, (string?)value);
                break;
            case (_, ScalarKind.Int):
                TemplateText.Append(ref text, Whole(value));
                break;
            case (_, ScalarKind.Decimal):
                TemplateText.Append(ref text, (decimal?)value);
                break;
            case (_, ScalarKind.Bool):
                TemplateText.Append(ref text, (bool?)value);
                break;
            default:
                TemplateText.Append(ref text, (DateTime?)value);
                break;
        }
    }

    // Whole numbers are int or long in the catalog and int in REST answers.
    private static long? Whole(object? value) => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private ScriptObject Model(ScriptSegment hole, Scope scope, RunValues values)
    {
        var model = new ScriptObject();
        foreach (var variable in hole.Variables)
        {
            // A root array narrowed by a filter above is its matching element, as for plain paths.
            var narrowings = scope.Narrowings.Where(n => n.Root == variable.Name).ToList();
            var narrowed = narrowings.LastOrDefault(n => n.Prefix.IsEmpty);
            var (value, type) = narrowed is not null
                ? (values.Nodes[nodeIndex[narrowed.FilterId]], narrowed.Element)
                : variable.Source == VariableSource.EventField
                    ? (ClrProperties.Read(values.Payload, values.Payload.GetType(), variable.Field!.ClrName!), variable.Type)
                    : (values.Nodes[nodeIndex[variable.NodeId!]], variable.Type);
            var script = ToScript(value, type);

            // So is an array deeper inside it (r.items below a filter on r.items.name).
            foreach (var inner in narrowings.Where(n => !n.Prefix.IsEmpty))
            {
                script = FlowScript.Narrow((ScriptObject?)script, string.Join('.', inner.Prefix), ToScript(values.Nodes[nodeIndex[inner.FilterId]], inner.Element));
            }

            model[variable.Name] = script;
        }

        return model;
    }

    // Objects become ScriptObjects keyed by the names flows use, lists ScriptArrays, maps ScriptObjects.
    private static object? ToScript(object? value, FlowType type)
    {
        switch (type)
        {
            case ScalarType:
                return value;
            case ObjectType obj:
                if (value is null)
                {
                    return null;
                }

                var item = new ScriptObject();
                foreach (var field in obj.Fields)
                {
                    var fieldValue = obj.ClrType is { } clrType
                        ? ClrProperties.Read(value, clrType, field.ClrName!)
                        : ((IReadOnlyDictionary<string, object?>)value)[field.Name];
                    item[field.Name] = ToScript(fieldValue, field.Type);
                }

                return item;
            case ArrayType array:
                var list = new ScriptArray();
                foreach (var element in (IEnumerable)value!)
                {
                    list.Add(ToScript(element, array.Element));
                }

                return list;
            default:
                var map = new ScriptObject();
                foreach (var pair in (IReadOnlyDictionary<string, string>)value!)
                {
                    map[pair.Key] = pair.Value;
                }

                return map;
        }
    }
}
