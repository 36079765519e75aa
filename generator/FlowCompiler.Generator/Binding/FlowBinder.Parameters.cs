using System.Collections.Immutable;
using System.Globalization;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Reading parameters of each role: choices, paths, templates, new field names, requests.</summary>
public sealed partial class FlowBinder
{
    // The reader has already reported a missing required parameter; binders just skip it here.
    private static string? Text(FlowNode node, string name) => node.Parameter(name)?.Text;

    // The words the node type's catalog entry allows (NodeTypes), which the JSON Schema lists too.
    private string? Choice(FlowNode node, string name) => Choice(node, name, NodeTypes.Find(node.Type)!.Find(name)!.Choices);

    private string? Choice(FlowNode node, string name, ImmutableArray<string> allowed)
    {
        var value = Text(node, name);
        if (value is null || allowed.Contains(value))
        {
            return value;
        }

        _diagnostics.Error(DiagnosticCodes.InvalidChoice, node.Id, node.ParameterPath(name),
            $"\"{DiagnosticText.Printable(value)}\" is not a valid {name}{NameSuggester.DidYouMean(NameSuggester.Closest(value, allowed))}. Allowed: {string.Join(", ", allowed)}.");
        return null;
    }

    private BoundPath? Path(FlowNode node, string name, Scope scope) =>
        Text(node, name) is { } text ? PathBinder.Bind(text, scope, node.Id, node.ParameterPath(name), _diagnostics) : null;

    private BoundTemplate? Template(FlowNode node, string name, TemplateContext context, Scope scope) =>
        Text(node, name) is { } text ? TemplateBinder.Bind(text, context, scope, node.Id, node.ParameterPath(name), _diagnostics) : null;

    private BoundTemplate? OptionalTemplate(FlowNode node, string name, TemplateContext context, Scope scope, ref bool ok)
    {
        if (node.Parameter(name) is null)
        {
            return null;
        }

        var template = Template(node, name, context, scope);
        ok &= template is not null;
        return template;
    }

    // A number written literally is checked now; a template is parsed when the flow runs.
    private BoundTemplate? IntTemplate(FlowNode node, string name, Scope scope, int min, int max)
    {
        var template = Template(node, name, TemplateContext.Plain, scope);
        if (template is not { IsConstant: true })
        {
            return template;
        }

        if (!int.TryParse(template.Source, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var range = max == int.MaxValue ? $"{min} or more" : $"{min}-{max}";
            _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Id, node.ParameterPath(name),
                $"{name} \"{DiagnosticText.Printable(template.Source)}\" must be a whole number, {range}, or a template such as {{{{id}}}}.");
            return null;
        }

        return template;
    }

    private string? AsName(FlowNode node, string name, Scope scope)
    {
        var value = Text(node, name);
        if (value is null)
        {
            return null;
        }

        if (!FlowIdentifiers.IsFieldName(value))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidAsName, node.Id, node.ParameterPath(name),
                $"\"{DiagnosticText.Printable(value)}\" is not a valid field name: start with a letter or '_', then letters, digits or '_' (e.g. \"user\").");
            return null;
        }

        if (scope.Find(value) is { } existing)
        {
            var origin = existing.Source == VariableSource.EventField ? "a field of the event" : $"the output of node \"{existing.NodeId}\"";
            _diagnostics.Error(DiagnosticCodes.InvalidAsName, node.Id, node.ParameterPath(name),
                $"\"{value}\" is already {origin}; choose a new name (e.g. \"{value}2\" or \"{node.Type}{char.ToUpperInvariant(value[0])}{value[1..]}\").");
            return null;
        }

        return value;
    }

    private BoundRequest? Request(FlowNode node, Scope scope, string defaultContentType)
    {
        var url = Template(node, "url", TemplateContext.Url, scope);
        var method = Choice(node, "method");
        var contentType = Text(node, "contentType") ?? defaultContentType;
        var ok = url is not null && method is not null;
        if (!System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Id, node.ParameterPath("contentType"),
                $"\"{DiagnosticText.Printable(contentType)}\" is not a media type; write e.g. application/json or text/plain.");
            ok = false;
        }
        else if (mediaType?.CharSet is { } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Id, node.ParameterPath("contentType"),
                $"the body is always sent as UTF-8, so charset={DiagnosticText.Printable(charset)} would be wrong; write charset=utf-8 or leave it out.");
            ok = false;
        }

        var isJson = mediaType?.MediaType is { } media
            && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var content = OptionalTemplate(node, "content", isJson ? TemplateContext.JsonBody : TemplateContext.Plain, scope, ref ok);

        var headers = ImmutableArray.CreateBuilder<KeyValuePair<string, BoundTemplate>>();
        if (node.Parameter("headers") is MapParameter map)
        {
            foreach (var (header, text) in map.Entries)
            {
                var path = JsonPathText.Property(node.ParameterPath("headers"), header);
                if (!IsHeaderName(header))
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Id, path,
                        $"\"{DiagnosticText.Printable(header)}\" is not a valid HTTP header name: use letters, digits and -, e.g. X-Api-Key.");
                    ok = false;
                    continue;
                }

                if (Runtime.Actions.Http.TransportHeaders.Owns(header))
                {
                    _diagnostics.Error(DiagnosticCodes.TransportHeader, node.Id, path,
                        $"\"{header}\" is set by the HTTP transport, not by the flow: {Runtime.Actions.Http.TransportHeaders.Instead(header)}.");
                    ok = false;
                    continue;
                }

                if (TemplateBinder.Bind(text, TemplateContext.Header, scope, node.Id, path, _diagnostics) is { } value)
                {
                    headers.Add(KeyValuePair.Create(header, value));
                }
                else
                {
                    ok = false;
                }
            }
        }

        return ok ? new BoundRequest(url!, method!, contentType, content, headers.ToImmutable()) : null;
    }

    /// <summary><see cref="IsHeaderName"/> as a JSON Schema pattern (on <c>(?!\n)$</c> see <see cref="FlowIdentifiers.FlowIdPattern"/>).</summary>
    internal const string HeaderNamePattern = @"^[!#$%&'*+.^_`|~0-9A-Za-z-]+(?!\n)$";

    // RFC 9110 token characters.
    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));

    private void WarnSensitive(FlowNode node, BoundRequest? request)
    {
        if (request is null)
        {
            return;
        }

        var parts = new List<(string, BoundTemplate)> { ("url", request.Url) };
        if (request.Content is { } content)
        {
            parts.Add(("content", content));
        }

        parts.AddRange(request.Headers.Select(h => ("headers", h.Value)));
        WarnSensitive(node, [.. parts]);
    }

    private void WarnSensitive(FlowNode node, params (string Parameter, BoundTemplate Template)[] parts)
    {
        foreach (var (parameter, template) in parts)
        {
            foreach (var segment in template.Segments)
            {
                var field = segment switch
                {
                    FieldSegment { Path.IsSensitive: true } f => f.Path.Text,
                    ScriptSegment s when TemplateBinder.ReadsSensitive(s) => s.Code.Trim(),
                    _ => null,
                };
                if (field is not null)
                {
                    _diagnostics.Warning(DiagnosticCodes.SensitiveFieldSent, node.Id, node.ParameterPath(parameter),
                        $"{{{{{field}}}}} is sensitive (a password hash or confirmation token) and would leave the panel through this {node.Type}; remove it unless the receiver really needs it.");
                }
            }
        }
    }
}
