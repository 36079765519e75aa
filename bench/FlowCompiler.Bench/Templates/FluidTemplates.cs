using Fluid;
using Fluid.Values;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Templates;

/// <summary>
/// The three templates in Fluid (Liquid), parsed once with options shared by every render; the event is the
/// model, its members registered once and read under camelCase names.
/// </summary>
public sealed class FluidTemplates
{
    private static readonly FluidParser Parser = new();

    private readonly IFluidTemplate _template;
    private readonly TemplateOptions _options = new() { CultureInfo = System.Globalization.CultureInfo.InvariantCulture };

    /// <summary>Parses the template of <paramref name="kind"/>.</summary>
    public FluidTemplates(TemplateKind kind)
    {
        var text = kind switch
        {
            TemplateKind.FiveHoles => "Server {{ hostname }} (#{{ id }}) has {{ cpu }} vCPU, address {{ ip }}, created {{ createdAt | iso }}.",
            TemplateKind.JsonBody => """{"host": "{{ hostname | js }}", "os": "{{ os | js }}", "node": {{ node | jv }}, "cores": {{ cpu }}, "ram": {{ ram }}, "ip": {{ ip | jv }}, "created": "{{ createdAt | iso }}"}""",
            _ => "<html><body><h1>New server {{ hostname | h }}</h1><p>Hello NOC,</p><p>server <b>{{ hostname | h }}</b> (#{{ id }}) was created on node {{ node | h }} at {{ createdAt | iso }}.</p>" +
                 "<table><tr><td>vCPU</td><td>{{ cpu }}</td></tr><tr><td>RAM</td><td>{{ ram }} MB</td></tr><tr><td>Disk</td><td>{{ disk }} GB</td></tr><tr><td>OS</td><td>{{ os | h }}</td></tr></table>" +
                 "<p>Status: {{ status | h }}. Check it at https://panel.example.com/servers/{{ id }}.</p></body></html>",
        };
        if (!Parser.TryParse(text, out var template, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _template = template;
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.CamelCase;
        _options.MemberAccessStrategy.Register<ServerEvent>();
        _options.Filters.AddFilter("h", (input, _, _) => new StringValue(EngineFunctions.Html(input.IsNil() ? null : input.ToStringValue())));
        _options.Filters.AddFilter("js", (input, _, _) => new StringValue(EngineFunctions.JsonString(input.IsNil() ? null : input.ToStringValue())));
        _options.Filters.AddFilter("jv", (input, _, _) => new StringValue(EngineFunctions.JsonValue(input.IsNil() ? null : input.ToStringValue())));
        // Fluid holds datetimes as DateTimeOffset.
        _options.Filters.AddFilter("iso", (input, _, _) => new StringValue(EngineFunctions.Iso(((DateTimeOffset)input.ToObjectValue()).UtcDateTime)));
    }

    /// <summary>Renders the template for one event.</summary>
    public string Render(ServerEvent e) => _template.Render(new TemplateContext(e, _options));
}
