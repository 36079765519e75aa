using System.Collections.Immutable;
using System.Globalization;
using FlowCompiler.Generator.Binding;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Turns a bound flow into one readable, deterministic C# file (spec §4–§6): one static class, an entry
/// method whose XML docs outline the flow, one method per node named from its id, templates lowered to
/// appends, filters to typed predicates. Names are assigned in one ordered pass, so equal flows give equal bytes.
/// </summary>
public sealed partial class FlowEmitter
{
    /// <summary>Bump when generated code changes shape: it is part of every compile cache key.</summary>
    public const string Version = "flowc-emit/1";

    /// <summary>The namespace of every generated flow class.</summary>
    public const string Namespace = "FlowCompiler.Flows";

    /// <summary>The entry method's name.</summary>
    public const string EntryMethod = "RunAsync";

    /// <summary>The entry method taking the payload as object (a <c>FlowEntryPoint</c>).</summary>
    public const string UntypedEntryMethod = "RunUntypedAsync";

    /// <summary>The predicate telling whether an event gets past the flow's first filters.</summary>
    public const string AcceptsMethod = "Accepts";

    /// <summary>The predicate taking the payload as object.</summary>
    public const string UntypedAcceptsMethod = "AcceptsUntyped";

    /// <summary>The static property holding the flow's <c>FlowDescriptor</c>.</summary>
    public const string DescriptorProperty = "Descriptor";

    private const string NodesClass = "Nodes";
    private const string Payload = "e";
    private const string Services = "services";
    private const string Run = "run";
    private const string Cancellation = "ct";

    private static readonly ImmutableArray<string> Usings =
    [
        "System", "System.Collections.Generic", "System.Runtime.CompilerServices", "System.Text.Json",
        "System.Text.RegularExpressions", "System.Threading", "System.Threading.Tasks", "FlowCompiler.Runtime.Data",
        "FlowCompiler.Runtime.Enrichers", "FlowCompiler.Runtime.Events", "FlowCompiler.Runtime.Execution", "Scriban.Runtime",
    ];

    // Names of generated locals: scope variables never take them.
    private static readonly ImmutableArray<string> LocalNames =
    [
        Payload, Services, Run, Cancellation, "ex", "text", "passed", "request", "json", "document", "key", "change", "model", "value", "values",
    ];

    private readonly BoundFlow _flow;
    private readonly SourceWriter _writer = new();
    private readonly IdentifierSet _members;
    private readonly IdentifierSet _variables = new(LocalNames);
    private readonly Dictionary<string, string> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _outputNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _narrowingNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _testNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);
    private readonly IdentifierSet _nodeConstants = new([]);
    private readonly string _className;
    private readonly string _payloadType;

    private FlowEmitter(BoundFlow flow)
    {
        _flow = flow;
        _className = IdentifierSet.Pascal(flow.Id) + "Flow";
        _members = new IdentifierSet([_className, EntryMethod, UntypedEntryMethod, AcceptsMethod, UntypedAcceptsMethod, DescriptorProperty, NodesClass, "ToScript"]);
        _payloadType = flow.Trigger.Event.PayloadType.Name;
        AssignNames();
    }

    /// <summary>The class name a flow's code is emitted into, e.g. <c>VipServerWebhookFlow</c>.</summary>
    public static string ClassNameOf(string flowId) => IdentifierSet.Pascal(flowId) + "Flow";

    /// <summary>Emits the C# file of <paramref name="flow"/>.</summary>
    public static string Emit(BoundFlow flow)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var emitter = new FlowEmitter(flow);
            emitter.EmitFile();
            return emitter._writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    // One ordered pass over the nodes in execution order: node methods, outputs, narrowed elements.
    private void AssignNames()
    {
        foreach (var node in _flow.Nodes)
        {
            _nodeNames[node.Id] = _nodeConstants.ReservePascal(node.Id);
            if (node is not BoundTrigger)
            {
                _methodNames[node.Id] = _members.Reserve(_nodeNames[node.Id] + "Async");
            }

            var output = node switch
            {
                BoundAddField n => n.As,
                BoundDbJoin n => n.As,
                BoundRest n => n.As,
                BoundLoadTags n => n.As,
                BoundIpam n => n.As,
                BoundCreateTicket n => n.As,
                _ => null,
            };
            if (output is not null)
            {
                _outputNames[node.Id] = _variables.ReserveCamel(output);
            }

            if (node is BoundFilter filter)
            {
                _testNames[node.Id] = _members.Reserve(_nodeNames[node.Id] + "Test");
                if (filter.Narrowing is { } narrowing)
                {
                    _narrowingNames[node.Id] = _variables.ReserveCamel(narrowing.PathText + "Match");
                }
            }
        }

        foreach (var node in _flow.Nodes)
        {
            if (node is BoundRest rest)
            {
                NameResponseClasses(rest);
            }
        }
    }

    private void EmitFile()
    {
        var w = _writer;
        w.WriteLine("// <auto-generated>");
        w.WriteLine("// " + CSharpText.Comment($"Flow {CSharpText.Literal(_flow.Id)}: {CSharpText.Literal(_flow.Name)}"));
        w.WriteLine($"// Generated by {Version}. Do not edit: change the flow and publish it again.");
        w.WriteLine("// </auto-generated>");
        w.WriteLine("#nullable enable");
        w.WriteLine();
        foreach (var name in Usings)
        {
            w.WriteLine($"using {name};");
        }

        w.WriteLine();
        w.WriteLine($"namespace {Namespace};");
        w.WriteLine();
        w.WriteLine("/// <summary>" + CSharpText.DocComment($"The compiled flow {CSharpText.Literal(_flow.Id)}: {CSharpText.Literal(_flow.Name)}.") + "</summary>");
        using (w.Block($"public static class {_className}"))
        {
            EmitDescriptor();
            EmitEntry();
            EmitAccepts();
            foreach (var node in _flow.Nodes)
            {
                if (node is not BoundTrigger)
                {
                    w.WriteLine();
                    EmitNode(node);
                }
            }

            EmitResponseClasses();
            EmitScriptConverters();
        }
    }

    private void EmitDescriptor()
    {
        var w = _writer;
        var ids = string.Join(", ", _flow.Nodes.Select(n => CSharpText.Literal(n.Id)));
        w.WriteLine("/// <summary>The flow's id, trigger and node ids in execution order.</summary>");
        w.WriteLine($"public static FlowDescriptor {DescriptorProperty} {{ get; }} = new({CSharpText.Literal(_flow.Id)}, {CSharpText.Literal(_flow.Trigger.Event.Name)}, [{ids}]);");
        w.WriteLine();
        w.WriteLine("/// <summary>The index of each node in <see cref=\"Descriptor\"/>, as <see cref=\"FlowRun\"/> addresses it.</summary>");
        using (w.Block($"private static class {NodesClass}"))
        {
            for (var i = 0; i < _flow.Nodes.Length; i++)
            {
                w.WriteLine($"public const int {_nodeNames[_flow.Nodes[i].Id]} = {i.ToString(CultureInfo.InvariantCulture)};");
            }
        }
    }

    private void EmitEntry()
    {
        var w = _writer;
        var trigger = _flow.Trigger;
        var hasChildren = trigger.Branches.Any(b => !b.Children.IsEmpty);
        w.WriteLine();
        w.WriteLine("/// <summary>");
        w.WriteLine("/// " + CSharpText.DocComment($"Runs the flow for one {trigger.Event.Name} event. The flow:"));
        w.WriteLine("/// <code>");
        foreach (var line in NodeDescriber.Outline(trigger))
        {
            w.WriteLine("/// " + CSharpText.DocComment(line));
        }

        w.WriteLine("/// </code>");
        w.WriteLine("/// </summary>");
        using (w.Block($"public static {(hasChildren ? "async " : "")}Task {EntryMethod}({_payloadType} {Payload}, IFlowServices {Services}, FlowRun {Run}, CancellationToken {Cancellation})"))
        {
            var name = _nodeNames[trigger.Id];
            w.WriteLine($"{Run}.Start({NodesClass}.{name});");
            w.WriteLine($"{Run}.Succeed({NodesClass}.{name});");
            EmitChildCalls(trigger.ChildrenOf("out"));
            if (!hasChildren)
            {
                w.WriteLine("return Task.CompletedTask;");
            }
        }

        w.WriteLine();
        w.WriteLine("/// <summary>The entry method for hosts that hold payloads as object.</summary>");
        w.WriteLine($"public static Task {UntypedEntryMethod}(object payload, IFlowServices {Services}, FlowRun {Run}, CancellationToken {Cancellation}) =>");
        w.WriteLine($"    {EntryMethod}(({_payloadType})payload, {Services}, {Run}, {Cancellation});");
    }

    // An event that fails every filter directly below the trigger (and whose false ports lead nowhere)
    // cannot cause any effect: hosts check this first, and such an event allocates nothing.
    private void EmitAccepts()
    {
        var w = _writer;
        var tests = new List<string>();
        foreach (var child in _flow.Trigger.ChildrenOf("out"))
        {
            if (child is BoundFilter filter && filter.ChildrenOf("false").IsEmpty)
            {
                tests.Add(filter.Narrowing is null ? $"{TestName(filter)}({Payload})" : $"{TestName(filter)}({Payload}, out _)");
            }
            else
            {
                tests.Clear();
                tests.Add("true");
                break;
            }
        }

        if (tests.Count == 0)
        {
            tests.Add("false");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Whether the event gets past the flow's first filters; when false, running the flow has no effect.</summary>");
        w.WriteLine($"public static bool {AcceptsMethod}({_payloadType} {Payload}) =>");
        w.WriteLine("    " + string.Join(" || ", tests) + ";");
        w.WriteLine();
        w.WriteLine("/// <summary><see cref=\"Accepts\"/> for hosts that hold payloads as object.</summary>");
        w.WriteLine($"public static bool {UntypedAcceptsMethod}(object payload) => {AcceptsMethod}(({_payloadType})payload);");
    }
}
