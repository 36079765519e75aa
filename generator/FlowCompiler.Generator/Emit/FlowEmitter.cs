using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Turns a bound flow into one readable, deterministic C# file (spec §4–§6): one static class, an entry
/// method whose XML docs outline the flow, one method per node named from its id, templates lowered to
/// appends, filters to typed predicates. Names are assigned in one ordered pass, so equal flows give equal bytes.
/// </summary>
public sealed partial class FlowEmitter
{
    /// <summary>The tool named in the <c>[GeneratedCode]</c> attribute of every generated class.</summary>
    public const string ToolName = "flowc";

    /// <summary>The emitter's version: bump when generated code changes shape (it is part of every compile cache key).</summary>
    public const string ToolVersion = "3";

    /// <summary>The emitter's version as the file header and the compile cache key name it.</summary>
    public const string Version = ToolName + "-emit/" + ToolVersion;

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

    private const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    private const string NodesClass = "Nodes";
    private const string ScopeClass = "Scope";
    private const string ScopeLocal = "scope";
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

    // Parameters and locals of generated methods; generated helpers never take these names for their own locals.
    private static readonly ImmutableArray<string> LocalNames =
    [
        Payload, ScopeLocal, Services, Run, Cancellation, "ex", "text", "passed", "match", "request", "json", "document", "key", "change", "model", "value", "values",
    ];

    private readonly BoundFlow _flow;
    private readonly SourceWriter _writer = new();
    private readonly IdentifierSet _members;
    private readonly IdentifierSet _scopeFields = new([ScopeClass]);
    private readonly IdentifierSet _entryLocals = new(LocalNames);
    private readonly Dictionary<string, string> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _outputFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _narrowingFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _testNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _outcomeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (BoundNode Parent, string Port)> _parents = new(StringComparer.Ordinal);
    private readonly IdentifierSet _nodeConstants = new([]);
    private readonly string _className;
    private readonly string _payloadType;

    private FlowEmitter(BoundFlow flow)
    {
        _flow = flow;
        _className = IdentifierSet.Pascal(flow.Id) + "Flow";
        _members = new IdentifierSet([_className, EntryMethod, UntypedEntryMethod, AcceptsMethod, UntypedAcceptsMethod, DescriptorProperty, NodesClass, ScopeClass, "ToScript"]);
        _payloadType = flow.Trigger.Event.PayloadType.Name;
        AssignNames();
    }

    /// <summary>The class name a flow's code is emitted into, e.g. <c>VipServerWebhookFlow</c>.</summary>
    public static string ClassNameOf(string flowId) => IdentifierSet.Pascal(flowId) + "Flow";

    /// <summary>Emits the C# file of <paramref name="flow"/>.</summary>
    public static string Emit(BoundFlow flow) => EmitWithSpans(flow).Source;

    /// <summary>Emits the C# file of <paramref name="flow"/> with the lines of each node's code.</summary>
    public static EmittedFlow EmitWithSpans(BoundFlow flow)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var emitter = new FlowEmitter(flow);
            emitter.EmitFile();
            return new EmittedFlow(emitter._writer.ToString(), emitter._writer.NodeSpans.ToFrozenDictionary(StringComparer.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    // One ordered pass over the nodes in execution order: node methods, the entry's outcome locals, scope fields.
    private void AssignNames()
    {
        foreach (var node in _flow.Nodes)
        {
            _nodeNames[node.Id] = _nodeConstants.ReservePascal(node.Id);
            foreach (var branch in node.Branches)
            {
                foreach (var child in branch.Children)
                {
                    _parents[child.Id] = (node, branch.Port);
                }
            }

            if (node is BoundTrigger)
            {
                continue;
            }

            _methodNames[node.Id] = _members.Reserve(_nodeNames[node.Id] + (IsAsync(node) ? "Async" : ""));
            if (HasChildren(node))
            {
                _outcomeNames[node.Id] = _entryLocals.ReserveCamel(node.Id + (node is BoundFilter ? "Passed" : "Done"));
            }

            // Only what a node below reads is kept.
            if (OutputOf(node) is { } output && HasChildren(node))
            {
                _outputFields[node.Id] = _scopeFields.ReservePascal(output);
            }

            if (node is BoundFilter filter)
            {
                _testNames[node.Id] = _members.Reserve(_nodeNames[node.Id] + "Test");
                if (filter.Narrowing is { } narrowing && !filter.ChildrenOf("true").IsEmpty)
                {
                    _narrowingFields[node.Id] = _scopeFields.ReservePascal(narrowing.PathText + "Match");
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

    // The name under which a node hands a value down, if it does.
    private static string? OutputOf(BoundNode node) => node switch
    {
        BoundAddField n => n.As,
        BoundDbJoin n => n.As,
        BoundRest n => n.As,
        BoundLoadTags n => n.As,
        BoundIpam n => n.As,
        BoundCreateTicket n => n.As,
        _ => null,
    };

    private static bool HasChildren(BoundNode node) => node.Branches.Any(b => !b.Children.IsEmpty);

    // Nodes that call a service await it; filters and addField run synchronously.
    private static bool IsAsync(BoundNode node) => node is not (BoundTrigger or BoundFilter or BoundAddField);

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
        w.WriteLine($"[{GeneratedCodeAttribute}({CSharpText.Literal(ToolName)}, {CSharpText.Literal(ToolVersion)})]");
        using (w.Block($"public static class {_className}"))
        {
            EmitDescriptor();
            EmitEntry();
            EmitAccepts();
            EmitScopeClass();
            foreach (var node in _flow.Nodes)
            {
                if (node is not BoundTrigger)
                {
                    w.WriteLine();
                    using (w.Node(node.Id))
                    {
                        EmitNode(node);
                    }
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
        var created = $"public static FlowDescriptor {DescriptorProperty} {{ get; }} = new({CSharpText.Literal(_flow.Id)}, {CSharpText.Literal(_flow.Trigger.Event.Name)}, [{ids}])";
        if (_flow.Nodes.All(n => n.Retry is null))
        {
            w.WriteLine("/// <summary>The flow's id, trigger and node ids in execution order.</summary>");
            w.WriteLine(created + ";");
        }
        else
        {
            // Read by the host's durable queue, never by the flow's own code.
            w.WriteLine("/// <summary>The flow's id, trigger and node ids in execution order, and how the queue retries each node (null: the host's settings).</summary>");
            w.WriteLine(created);
            w.WriteLine("{");
            w.WriteLine($"    Retries = [{string.Join(", ", _flow.Nodes.Select(n => n.Retry is { } retry ? RetryLiteral(retry) : "null"))}],");
            w.WriteLine("};");
        }

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

    private static string RetryLiteral(NodeRetry retry)
    {
        var members = new List<string>(5);
        Add(nameof(NodeRetry.Attempts), retry.Attempts);
        Add(nameof(NodeRetry.InitialDelayMs), retry.InitialDelayMs);
        Add(nameof(NodeRetry.Multiplier), retry.Multiplier);
        Add(nameof(NodeRetry.MaxDelayMs), retry.MaxDelayMs);
        Add(nameof(NodeRetry.Jitter), retry.Jitter);
        return $"new {nameof(NodeRetry)}({string.Join(", ", members)})";

        void Add(string name, IFormattable? value)
        {
            if (value is not null)
            {
                members.Add($"{name}: {value.ToString(null, CultureInfo.InvariantCulture)}");
            }
        }
    }

    private void EmitEntry()
    {
        var w = _writer;
        var trigger = _flow.Trigger;
        var isAsync = _flow.Nodes.Any(IsAsync);
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
        using (w.Node(trigger.Id))
        using (w.Block($"public static {(isAsync ? "async " : "")}Task {EntryMethod}({_payloadType} {Payload}, IFlowServices {Services}, FlowRun {Run}, CancellationToken {Cancellation})"))
        {
            if (HasScopeClass)
            {
                w.WriteLine($"var {ScopeLocal} = new {ScopeClass}();");
            }

            var name = _nodeNames[trigger.Id];
            w.WriteLine($"{Run}.Start({NodesClass}.{name});");
            w.WriteLine($"{Run}.Succeed({NodesClass}.{name});");
            if (_flow.Nodes.Length > 1)
            {
                // A flat sequence, not nested calls: any depth of flow runs in constant stack.
                w.WriteLine();
                w.WriteLine("// Depth first, in edge order: a node runs when its parent succeeded and took the port it hangs on.");
            }

            foreach (var node in _flow.Nodes)
            {
                if (node is not BoundTrigger)
                {
                    EmitNodeCall(node);
                }
            }

            if (!isAsync)
            {
                w.WriteLine("return Task.CompletedTask;");
            }
        }

        w.WriteLine();
        w.WriteLine("/// <summary>The entry method for hosts that hold payloads as object.</summary>");
        w.WriteLine($"public static Task {UntypedEntryMethod}(object payload, IFlowServices {Services}, FlowRun {Run}, CancellationToken {Cancellation}) =>");
        w.WriteLine($"    {EntryMethod}(({_payloadType})payload, {Services}, {Run}, {Cancellation});");
    }

    // One line per node: its call, guarded by its parent's outcome, keeping its own outcome when children read it.
    private void EmitNodeCall(BoundNode node)
    {
        var (parent, port) = _parents[node.Id];
        var condition = parent switch
        {
            BoundTrigger => null,
            BoundFilter => $"{_outcomeNames[parent.Id]} == {port}",
            _ => _outcomeNames[parent.Id],
        };
        var call = $"{(IsAsync(node) ? "await " : "")}{_methodNames[node.Id]}({NodeArguments(node)})";
        if (!_outcomeNames.TryGetValue(node.Id, out var outcome))
        {
            _writer.WriteLine(condition is null ? $"{call};" : $"if ({condition}) {call};");
        }
        else if (condition is null)
        {
            _writer.WriteLine($"var {outcome} = {call};");
        }
        else
        {
            // A filter's outcome is the port it took, null when it failed or did not run.
            _writer.WriteLine(node is BoundFilter
                ? $"var {outcome} = {condition} ? {call} : null;"
                : $"var {outcome} = {condition} && {call};");
        }
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

    private bool HasScopeClass => _outputFields.Count > 0 || _narrowingFields.Count > 0;

    // The values nodes hand down, one object per run: node methods take it instead of one parameter per value.
    private void EmitScopeClass()
    {
        if (!HasScopeClass)
        {
            return;
        }

        var w = _writer;
        w.WriteLine();
        w.WriteLine("/// <summary>What nodes hand down to the nodes below them; each field is set by its node before any reader runs.</summary>");
        using (w.Block($"private sealed class {ScopeClass}"))
        {
            foreach (var node in _flow.Nodes)
            {
                if (_outputFields.TryGetValue(node.Id, out var output))
                {
                    var type = OutputType(node);
                    var initializer = type is ObjectType { IsNullable: true } ? "" : " = null!";
                    w.WriteLine($"public {TypeName(type)} {output}{initializer}; // {CSharpText.Comment($"{OutputOf(node)}, set by [node {node.Id}]")}");
                }

                if (_narrowingFields.TryGetValue(node.Id, out var match))
                {
                    var narrowing = ((BoundFilter)node).Narrowing!;
                    w.WriteLine($"public {TypeName(narrowing.Element)}? {match}; // {CSharpText.Comment($"the first element of {narrowing.PathText} that passed [node {node.Id}]")}");
                }
            }
        }
    }
}
