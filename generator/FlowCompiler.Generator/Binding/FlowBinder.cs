using System.Collections.Immutable;
using System.Globalization;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Generator.Model;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// Walks the tree from the trigger and binds every node in the scope it sees (spec §3–§5): each node's
/// scope is the trigger's fields plus the <c>as</c> outputs on its path, so siblings never see each other.
/// </summary>
public sealed partial class FlowBinder
{
    private static readonly ObjectType TagType = ClrTypeMapper.ObjectOf(typeof(LoadedTag), "tag");
    private static readonly ObjectType Ipv4Type = ClrTypeMapper.ObjectOf(typeof(Ipv4Allocation), "IPv4 allocation");
    private static readonly ObjectType Ipv6Type = ClrTypeMapper.ObjectOf(typeof(Ipv6Allocation), "IPv6 allocation");
    private static readonly ObjectType TicketType = ClrTypeMapper.ObjectOf(typeof(CreatedTicket), "ticket");

    private readonly FlowGraph _graph;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<BoundNode> _ordered = [];
    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

    private FlowBinder(FlowGraph graph, DiagnosticBag diagnostics)
    {
        _graph = graph;
        _diagnostics = diagnostics;
    }

    /// <summary>Binds a document; returns null when any error was found (all of them are in the bag).</summary>
    public static BoundFlow? Bind(FlowDocument document, FlowGraph graph, DiagnosticBag diagnostics) =>
        Bind(document, graph, diagnostics, out _);

    /// <summary>
    /// Binds a document, also handing back what every node below the trigger sees, errors or not: what an
    /// editor offers for completion.
    /// </summary>
    public static BoundFlow? Bind(FlowDocument document, FlowGraph graph, DiagnosticBag diagnostics, out IReadOnlyDictionary<string, Scope> scopes)
    {
        var binder = new FlowBinder(graph, diagnostics);
        scopes = binder._scopes;
        if (graph.Trigger is not { } trigger)
        {
            return null;
        }

        var root = binder.BindTrigger(trigger);
        if (root is null || diagnostics.HasErrors)
        {
            return null;
        }

        return new BoundFlow(document.Id, document.Name, root, [.. binder._ordered]);
    }

    private BoundTrigger? BindTrigger(FlowNode node)
    {
        var name = node.Parameter("event")?.Text;
        if (name is null)
        {
            return null;
        }

        var flowEvent = FlowEvents.Find(name);
        if (flowEvent is null)
        {
            var names = FlowEvents.All.Select(e => e.Name).ToList();
            _diagnostics.Error(DiagnosticCodes.UnknownEvent, node.Id, node.ParameterPath("event"),
                $"unknown event \"{DiagnosticText.Printable(name)}\"{NameSuggester.DidYouMean(NameSuggester.Closest(name, names))}. Events: {string.Join(", ", names)}.");
            return null;
        }

        var payload = EventCatalog.PayloadOf(flowEvent);
        var scope = new Scope(
            [.. payload.Fields.Select(f => new ScopeVariable(f.Name, f.Type, VariableSource.EventField, f, null))],
            []);
        return BindTree(node, new BoundTrigger(node.Id, scope, flowEvent, payload));
    }

    // A node's scope depends only on the nodes above it, so the tree is bound top-down in execution order
    // (an explicit stack, not recursion), then assembled bottom-up with its branches: a flow of any depth
    // binds in constant stack.
    private BoundTrigger BindTree(FlowNode triggerNode, BoundTrigger trigger)
    {
        var items = new List<BindItem> { new(trigger) };
        _scopes[trigger.Id] = trigger.Scope;
        var pending = new Stack<(FlowNode Node, Scope Scope, int Parent, string Port)>();
        PushChildren(pending, triggerNode, 0, trigger.Scope, null);
        while (pending.Count > 0)
        {
            var (node, scope, parent, port) = pending.Pop();
            _scopes[node.Id] = scope;
            var (bound, outScope, trueScope) = BindNode(node, scope);
            items[parent].Children.Add((port, items.Count));
            items.Add(new BindItem(bound is null ? null : bound with { Retry = RetryOf(node) }));
            PushChildren(pending, node, items.Count - 1, outScope, trueScope);
        }

        var finished = new BoundNode?[items.Count];
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (items[i].Bound is { } bound)
            {
                finished[i] = bound with
                {
                    Branches = [.. items[i].Children.GroupBy(c => c.Port).Select(g => new BoundBranch(g.Key, [.. g.Select(c => finished[c.Index]).OfType<BoundNode>()]))],
                };
            }
        }

        _ordered.AddRange(finished.OfType<BoundNode>());
        return (BoundTrigger)finished[0]!;
    }

    // The node's own retry over its type's defaults; null when nothing differs from the host's settings.
    private static NodeRetry? RetryOf(FlowNode node)
    {
        var defaults = NodeTypes.Find(node.Type)?.Retry;
        var retry = node.Retry?.Over(defaults) ?? defaults;
        return retry is { IsEmpty: false } ? retry : null;
    }

    // Children run in edge order, grouped by port; pushed in reverse so they pop in execution order. A
    // filter's true port may see a narrowed array that its false port does not.
    private void PushChildren(Stack<(FlowNode, Scope, int, string)> pending, FlowNode parent, int index, Scope outScope, Scope? trueScope)
    {
        var children = _graph.ChildrenOf(parent.Id).GroupBy(e => e.Port).SelectMany(g => g).ToList();
        for (var i = children.Count - 1; i >= 0; i--)
        {
            var edge = children[i];
            var scope = edge.Port == "true" && trueScope is not null ? trueScope : outScope;
            pending.Push((_graph.Nodes[edge.To], scope, index, edge.Port));
        }
    }

    // Binds one node; returns the scope its children see (its out port, and its true port when that differs).
    private (BoundNode? Bound, Scope OutScope, Scope? TrueScope) BindNode(FlowNode node, Scope scope)
    {
        // A node whose parameters could not be read was reported by the reader; binding it would only add noise.
        var (bound, outScope, trueScope) = node.HasUnreadParameters ? default : node.Type switch
        {
            NodeTypes.Filter => BindFilter(node, scope),
            NodeTypes.AddField => Enriched(BindAddField(node, scope), scope, s => s.As, _ => new ScalarType(ScalarKind.String, false)),
            NodeTypes.DbJoin => Enriched(BindDbJoin(node, scope), scope, s => s.As, s => s.IsSingle ? s.Row with { IsNullable = true } : new ArrayType(s.Row)),
            NodeTypes.Rest => Enriched(BindRest(node, scope), scope, s => s.As, s => s.Response),
            NodeTypes.LoadTags => Enriched(BindLoadTags(node, scope), scope, s => s.As, s => new ArrayType(s.TagType)),
            NodeTypes.Ipam => Enriched(BindIpam(node, scope), scope, s => s.As, s => s.Output),
            NodeTypes.SendMail => Plain(BindSendMail(node, scope), scope),
            NodeTypes.Webhook => Plain(BindWebhook(node, scope), scope),
            NodeTypes.CreateTicket => BindCreateTicketWithScope(node, scope),
            NodeTypes.ModifyServer => Plain(BindModifyServer(node, scope), scope),
            _ => default,
        };

        // Children are bound even below a broken node, so one pass reports every problem in the flow;
        // the broken node's output is typed as an error so it is not reported again below.
        if (bound is null && node.Parameter("as")?.Text is { } name && FlowIdentifiers.IsFieldName(name) && scope.Find(name) is null)
        {
            outScope = scope.With(new ScopeVariable(name, ErrorType.Instance, VariableSource.NodeOutput, null, node.Id));
        }

        return (bound, outScope ?? scope, trueScope);
    }

    // One node on its way through BindTree: its binding and its children (port, index in execution order).
    private sealed record BindItem(BoundNode? Bound)
    {
        public List<(string Port, int Index)> Children { get; } = [];
    }

    private static (BoundNode?, Scope?, Scope?) Plain(BoundNode? node, Scope scope) => (node, scope, null);

    private static (BoundNode?, Scope?, Scope?) Enriched<T>(T? node, Scope scope, Func<T, string> name, Func<T, FlowType> type)
        where T : BoundNode =>
        node is null ? (null, null, null) : (node, scope.With(new ScopeVariable(name(node), type(node), VariableSource.NodeOutput, null, node.Id)), null);

    private (BoundNode?, Scope?, Scope?) BindCreateTicketWithScope(FlowNode node, Scope scope)
    {
        var ticket = BindCreateTicket(node, scope);
        return ticket is { As: { } name }
            ? (ticket, scope.With(new ScopeVariable(name, ticket.Output, VariableSource.NodeOutput, null, ticket.Id)), null)
            : (ticket, scope, null);
    }

    private BoundAddField? BindAddField(FlowNode node, Scope scope)
    {
        var name = AsName(node, "as", scope);
        var value = Template(node, "value", TemplateContext.Plain, scope);
        return name is null || value is null ? null : new BoundAddField(node.Id, scope, name, value);
    }

    private BoundDbJoin? BindDbJoin(FlowNode node, Scope scope)
    {
        var name = AsName(node, "as", scope);
        var input = Path(node, "inputField", scope);
        var tableName = Text(node, "from");
        var row = tableName is null ? null : TableCatalog.Find(tableName);
        if (tableName is not null && row is null)
        {
            _diagnostics.Error(DiagnosticCodes.UnknownTable, node.Id, node.ParameterPath("from"),
                $"unknown table \"{DiagnosticText.Printable(tableName)}\"{NameSuggester.DidYouMean(NameSuggester.Closest(tableName, TableCatalog.Names))}. Tables: {string.Join(", ", TableCatalog.Names)}.");
        }

        var joinName = Text(node, "joinField");
        var column = joinName is null ? null : row?.Find(joinName);
        if (row is not null && joinName is not null && column is null)
        {
            var columns = row.Fields.Where(f => f.Type is ScalarType).Select(f => f.Name).ToList();
            _diagnostics.Error(DiagnosticCodes.UnknownTable, node.Id, node.ParameterPath("joinField"),
                $"table \"{tableName}\" has no column \"{DiagnosticText.Printable(joinName)}\"{NameSuggester.DidYouMean(NameSuggester.Closest(joinName, columns))}. Columns: {string.Join(", ", columns)}.");
        }

        if (input is null || column is null || name is null || row is null)
        {
            return null;
        }

        if (input.Scalar is not { } inputType || input.IsMany)
        {
            _diagnostics.Error(DiagnosticCodes.IncompatibleType, node.Id, node.ParameterPath("inputField"),
                $"\"{input.Text}\" is {(input.IsMany ? "a list of values" : input.Type.Display)}; a join needs one value, such as an id.");
            return null;
        }

        if (column.Type is not ScalarType columnType || !Comparable(inputType, columnType))
        {
            _diagnostics.Error(DiagnosticCodes.IncompatibleType, node.Id, node.ParameterPath("joinField"),
                $"\"{input.Text}\" is {inputType.Display} but column \"{tableName}.{column.Name}\" is {column.Type.Display}; join fields of the same type.");
            return null;
        }

        return new BoundDbJoin(node.Id, scope, tableName!, row, input, column, name, column.Name == "id");
    }

    private BoundRest? BindRest(FlowNode node, Scope scope)
    {
        var name = AsName(node, "as", scope);
        var request = Request(node, scope, defaultContentType: "application/json");
        FlowType? response = null;
        if (node.Parameter("exampleResponse") is JsonParameter example)
        {
            response = ExampleResponseTyper.Type(example.Json, name ?? "response", out var problem);
            if (response is null)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidExampleResponse, node.Id, node.ParameterPath("exampleResponse"), problem + ".");
            }
        }

        WarnSensitive(node, request);
        return name is null || request is null || response is null
            ? null
            : new BoundRest(node.Id, scope, request, response, ((JsonParameter)node.Parameter("exampleResponse")!).Json, name);
    }

    private BoundLoadTags? BindLoadTags(FlowNode node, Scope scope)
    {
        var name = AsName(node, "as", scope);
        var resource = Choice(node, "for");
        var input = Path(node, "inputField", scope);
        if (input is not null && (input.Scalar is not { Kind: ScalarKind.Int } || input.IsMany))
        {
            _diagnostics.Error(DiagnosticCodes.IncompatibleType, node.Id, node.ParameterPath("inputField"),
                $"\"{input.Text}\" is {(input.IsMany ? "a list of values" : input.Type.Display)}; tags are loaded by the {resource ?? "resource"}'s id, an int (e.g. \"id\" or \"userid\").");
            return null;
        }

        return name is null || resource is null || input is null ? null : new BoundLoadTags(node.Id, scope, resource, input, name, TagType);
    }

    private BoundIpam? BindIpam(FlowNode node, Scope scope)
    {
        var name = AsName(node, "as", scope);
        var family = Choice(node, "family");
        var ok = true;
        var nodeTemplate = OptionalTemplate(node, "node", TemplateContext.Plain, scope, ref ok);
        var userTemplate = OptionalTemplate(node, "userId", TemplateContext.Plain, scope, ref ok);
        if (userTemplate is { IsConstant: true } constant && !int.TryParse(constant.Source, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidValue, node.Id, node.ParameterPath("userId"),
                $"userId \"{DiagnosticText.Printable(constant.Source)}\" is not a user id; write a number or a hole such as {{{{userid}}}}.");
            ok = false;
        }

        return name is null || family is null || !ok
            ? null
            : new BoundIpam(node.Id, scope, family, nodeTemplate, userTemplate, name, family == "ipv4" ? Ipv4Type : Ipv6Type);
    }

    private BoundSendMail? BindSendMail(FlowNode node, Scope scope)
    {
        var html = node.Parameter("html") is BoolParameter { Value: true };
        var to = Text(node, "to") is { } recipients ? RecipientsBinder.Bind(recipients, scope, node.Id, node.ParameterPath("to"), _diagnostics) : null;
        var subject = Template(node, "subject", TemplateContext.Header, scope);
        var content = Template(node, "content", html ? TemplateContext.Html : TemplateContext.Plain, scope);
        if (to is null || subject is null || content is null)
        {
            return null;
        }

        WarnSensitive(node, [.. to.Templates.Select(t => ("to", t)), ("subject", subject), ("content", content)]);
        return new BoundSendMail(node.Id, scope, to, subject, content, html);
    }

    private BoundWebhook? BindWebhook(FlowNode node, Scope scope)
    {
        var request = Request(node, scope, defaultContentType: "application/json");
        WarnSensitive(node, request);
        return request is null ? null : new BoundWebhook(node.Id, scope, request);
    }

    private BoundCreateTicket? BindCreateTicket(FlowNode node, Scope scope)
    {
        var title = Template(node, "title", TemplateContext.Plain, scope);
        var priority = Choice(node, "priority");
        var creator = IntTemplate(node, "creatorId", scope, min: 1, max: int.MaxValue);
        var content = Template(node, "content", TemplateContext.Plain, scope);
        var hasAs = node.Parameter("as") is not null;
        var name = hasAs ? AsName(node, "as", scope) : null;
        return title is null || priority is null || creator is null || content is null || (hasAs && name is null)
            ? null
            : new BoundCreateTicket(node.Id, scope, title, priority, creator, content, name, TicketType);
    }

    private BoundModifyServer? BindModifyServer(FlowNode node, Scope scope)
    {
        var serverId = IntTemplate(node, "serverId", scope, min: 1, max: int.MaxValue);
        var component = Choice(node, "component", [.. ServerActions.Components]);
        var action = Choice(node, "action", [.. ServerActions.All.Select(a => a.Name)]);
        if (serverId is null || component is null || action is null)
        {
            return null;
        }

        var spec = ServerActions.All.First(a => a.Name == action);
        if (spec.Component != component)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidServerAction, node.Id, node.ParameterPath("action"),
                $"action \"{action}\" belongs to component \"{spec.Component}\", not \"{component}\". Actions of {component}: {string.Join(", ", ServerActions.All.Where(a => a.Component == component).Select(a => a.Name))}.");
            return null;
        }

        var ok = true;
        foreach (var foreign in ServerActions.AllValueNames.Except(spec.Values.Select(v => v.Name)))
        {
            if (node.Parameter(foreign) is not null)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidServerAction, node.Id, node.ParameterPath(foreign),
                    $"\"{foreign}\" is not a value of action \"{action}\", which takes: {string.Join(", ", spec.Values.Select(v => v.Name))}. Remove it.");
                ok = false;
            }
        }

        var values = ImmutableArray.CreateBuilder<KeyValuePair<string, BoundTemplate>>();
        foreach (var value in spec.Values)
        {
            if (node.Parameter(value.Name) is null)
            {
                _diagnostics.Error(DiagnosticCodes.MissingProperty, node.Id, node.ParameterPath(value.Name),
                    $"action \"{action}\" needs \"{value.Name}\" ({value.Description}).");
                ok = false;
                continue;
            }

            var template = value.IsInteger
                ? IntTemplate(node, value.Name, scope, value.Min, value.Max)
                : ValueTemplate(node, value, scope);
            if (template is null)
            {
                ok = false;
                continue;
            }

            values.Add(KeyValuePair.Create(value.Name, template));
        }

        return ok ? new BoundModifyServer(node.Id, scope, serverId, component, action, values.ToImmutable()) : null;
    }

    private BoundTemplate? ValueTemplate(FlowNode node, ServerActionValue value, Scope scope)
    {
        var template = Template(node, value.Name, TemplateContext.Plain, scope);
        if (template is { IsConstant: true } && value.Validate(template.Source) is { } problem)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidServerAction, node.Id, node.ParameterPath(value.Name), problem);
            return null;
        }

        return template;
    }

    private static bool Comparable(ScalarType a, ScalarType b) => a.Kind == b.Kind || (a.IsNumeric && b.IsNumeric);
}
