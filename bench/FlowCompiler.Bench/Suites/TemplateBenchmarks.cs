using System.Reflection;
using BenchmarkDotNet.Attributes;
using FlowCompiler.Bench.Flows;
using FlowCompiler.Bench.Templates;
using FlowCompiler.Generator.Compilation;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Bench.Suites;

/// <summary>
/// One template rendered for one event: the compiled flow's own render method (lowered appends, the
/// baseline) vs Scriban vs Fluid vs Handlebars.Net (compiled) vs hand-written interpolation. The JSON body
/// renders a hostile event (quotes, markup, CR/LF, U+2028, emoji), the others a plain one; all five outputs
/// are checked byte-equal before timing.
/// </summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private ServerEvent _event = BenchEvents.Server(16);
    private LoadedFlow? _flow;
    private Func<ServerEvent, string> _lowered = _ => "";
    private Func<ServerEvent, string> _handWritten = _ => "";
    private ScribanTemplates? _scriban;
    private FluidTemplates? _fluid;
    private HandlebarsTemplates? _handlebars;

    /// <summary>Which template.</summary>
    [Params(TemplateKind.FiveHoles, TemplateKind.JsonBody, TemplateKind.HtmlMail)]
    public TemplateKind Template { get; set; }

    /// <summary>Compiles the flow, prepares every engine, and proves they render the same text.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _event = Template == TemplateKind.JsonBody ? BenchEvents.HostileServer() : BenchEvents.Server(16);
        _flow = BenchCompiler.PublishAll([BenchFlows.Templates()])[0];
        _lowered = RenderMethod(_flow, Template switch
        {
            TemplateKind.FiveHoles => "TextContent",
            TemplateKind.JsonBody => "HookContent",
            _ => "HtmlContent",
        });
        _handWritten = HandWrittenTemplates.For(Template);
        _scriban = new ScribanTemplates(Template);
        _fluid = new FluidTemplates(Template);
        _handlebars = new HandlebarsTemplates(Template);

        var expected = Lowered();
        Check("hand-written", expected, HandWritten());
        Check("Scriban", expected, Scriban());
        Check("Fluid", expected, Fluid());
        Check("Handlebars.Net", expected, Handlebars());
    }

    /// <summary>The generated render method of the compiled flow.</summary>
    [Benchmark(Baseline = true)]
    public string Lowered() => _lowered(_event);

    /// <summary>Hand-written C# interpolation.</summary>
    [Benchmark]
    public string HandWritten() => _handWritten(_event);

    /// <summary>Scriban, template parsed once.</summary>
    [Benchmark]
    public string Scriban() => _scriban!.Render(_event);

    /// <summary>Fluid, template parsed once.</summary>
    [Benchmark]
    public string Fluid() => _fluid!.Render(_event);

    /// <summary>Handlebars.Net, template compiled once.</summary>
    [Benchmark]
    public string Handlebars() => _handlebars!.Render(_event);

    /// <summary>Unloads the compiled flow.</summary>
    [GlobalCleanup]
    public void Cleanup() => _flow?.Unload();

    // The emitter names a template's render method after its node and parameter; it is private to the
    // generated class, so it is bound to a delegate once here, as the flow's own code calls it directly.
    private static Func<ServerEvent, string> RenderMethod(LoadedFlow flow, string name)
    {
        var type = flow.Entry.Method.DeclaringType!;
        var method = type.GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static, [typeof(ServerEvent)])
            ?? throw new InvalidOperationException($"the generated class {type.FullName} has no render method {name}(ServerEvent)");
        return method.CreateDelegate<Func<ServerEvent, string>>();
    }

    private static void Check(string engine, string expected, string actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{engine} renders\n{actual}\nbut the lowered template renders\n{expected}");
        }
    }
}
