using System.Globalization;
using FlowCompiler.Runtime.Events;
using HandlebarsDotNet;

namespace FlowCompiler.Bench.Templates;

/// <summary>
/// The three templates in Handlebars.Net, compiled once to a delegate; values are written raw
/// (triple braces) and escaped by the same helpers the other engines get.
/// </summary>
public sealed class HandlebarsTemplates
{
    private readonly HandlebarsTemplate<object, object> _template;

    /// <summary>Compiles the template of <paramref name="kind"/>.</summary>
    public HandlebarsTemplates(TemplateKind kind)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { FormatProvider = CultureInfo.InvariantCulture });
        handlebars.RegisterHelper("h", (in HelperOptions _, in Context _, in Arguments arguments) => EngineFunctions.Html(arguments[0] as string));
        handlebars.RegisterHelper("js", (in HelperOptions _, in Context _, in Arguments arguments) => EngineFunctions.JsonString(arguments[0] as string));
        handlebars.RegisterHelper("jv", (in HelperOptions _, in Context _, in Arguments arguments) => EngineFunctions.JsonValue(arguments[0] as string));
        handlebars.RegisterHelper("iso", (in HelperOptions _, in Context _, in Arguments arguments) => EngineFunctions.Iso((DateTime)arguments[0]!));
        _template = handlebars.Compile(kind switch
        {
            TemplateKind.FiveHoles => "Server {{{Hostname}}} (#{{{Id}}}) has {{{Cpu}}} vCPU, address {{{Ip}}}, created {{{iso CreatedAt}}}.",
            TemplateKind.JsonBody => """{"host": "{{{js Hostname}}}", "os": "{{{js Os}}}", "node": {{{jv Node}}}, "cores": {{{Cpu}}}, "ram": {{{Ram}}}, "ip": {{{jv Ip}}}, "created": "{{{iso CreatedAt}}}"}""",
            _ => "<html><body><h1>New server {{{h Hostname}}}</h1><p>Hello NOC,</p><p>server <b>{{{h Hostname}}}</b> (#{{{Id}}}) was created on node {{{h Node}}} at {{{iso CreatedAt}}}.</p>" +
                 "<table><tr><td>vCPU</td><td>{{{Cpu}}}</td></tr><tr><td>RAM</td><td>{{{Ram}}} MB</td></tr><tr><td>Disk</td><td>{{{Disk}}} GB</td></tr><tr><td>OS</td><td>{{{h Os}}}</td></tr></table>" +
                 "<p>Status: {{{h Status}}}. Check it at https://panel.example.com/servers/{{{Id}}}.</p></body></html>",
        });
    }

    /// <summary>Renders the template for one event.</summary>
    public string Render(ServerEvent e) => _template(e);
}
