using System.Globalization;
using Scriban;
using Scriban.Runtime;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// A Scriban expression hole (spec §4), parsed once when the flow's class loads and rendered with a model
/// holding exactly the scope values it reads, under the names flows use.
/// </summary>
public sealed class FlowScript
{
    private readonly Template _template;

    private FlowScript(Template template) => _template = template;

    /// <summary>Parses an expression (without its braces); the compiler checked it already, so an error here is a bug.</summary>
    public static FlowScript Parse(string expression)
    {
        var template = Template.Parse("{{ " + expression + " }}");
        return template.HasErrors
            ? throw new InvalidOperationException($"The expression \"{expression}\" does not parse: {string.Join("; ", template.Messages)}")
            : new FlowScript(template);
    }

    /// <summary>Renders the expression with <paramref name="model"/> as its globals, in the invariant culture.</summary>
    public string Render(ScriptObject model)
    {
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushCulture(CultureInfo.InvariantCulture);
        context.PushGlobal(model);
        return _template.Render(context) ?? "";
    }
}
