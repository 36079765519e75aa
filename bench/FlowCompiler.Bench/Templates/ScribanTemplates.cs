using System.Globalization;
using FlowCompiler.Runtime.Events;
using Scriban;
using Scriban.Runtime;

namespace FlowCompiler.Bench.Templates;

/// <summary>
/// The three templates in Scriban, parsed once; each render imports the event into a script object and
/// renders in the invariant culture, as Scriban's documentation shows.
/// </summary>
public sealed class ScribanTemplates
{
    private static readonly MemberRenamerDelegate CamelCase = member => char.ToLowerInvariant(member.Name[0]) + member.Name[1..];

    private readonly Template _template;
    private readonly ScriptObject _functions = new();

    /// <summary>Parses the template of <paramref name="kind"/>.</summary>
    public ScribanTemplates(TemplateKind kind)
    {
        _template = Template.Parse(kind switch
        {
            TemplateKind.FiveHoles => "Server {{ hostname }} (#{{ id }}) has {{ cpu }} vCPU, address {{ ip }}, created {{ iso createdAt }}.",
            TemplateKind.JsonBody => """{"host": "{{ js hostname }}", "os": "{{ js os }}", "node": {{ jv node }}, "cores": {{ cpu }}, "ram": {{ ram }}, "ip": {{ jv ip }}, "created": "{{ iso createdAt }}"}""",
            _ => "<html><body><h1>New server {{ h hostname }}</h1><p>Hello NOC,</p><p>server <b>{{ h hostname }}</b> (#{{ id }}) was created on node {{ h node }} at {{ iso createdAt }}.</p>" +
                 "<table><tr><td>vCPU</td><td>{{ cpu }}</td></tr><tr><td>RAM</td><td>{{ ram }} MB</td></tr><tr><td>Disk</td><td>{{ disk }} GB</td></tr><tr><td>OS</td><td>{{ h os }}</td></tr></table>" +
                 "<p>Status: {{ h status }}. Check it at https://panel.example.com/servers/{{ id }}.</p></body></html>",
        });
        if (_template.HasErrors)
        {
            throw new InvalidOperationException(string.Join("; ", _template.Messages));
        }

        _functions.Import("h", new Func<string?, string>(EngineFunctions.Html));
        _functions.Import("js", new Func<string?, string>(EngineFunctions.JsonString));
        _functions.Import("jv", new Func<string?, string>(EngineFunctions.JsonValue));
        _functions.Import("iso", new Func<DateTime, string>(EngineFunctions.Iso));
    }

    /// <summary>Renders the template for one event.</summary>
    public string Render(ServerEvent e)
    {
        var model = new ScriptObject();
        model.Import(e, renamer: CamelCase);
        var context = new TemplateContext { MemberRenamer = CamelCase };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(_functions);
        context.PushGlobal(model);
        return _template.Render(context);
    }
}
