using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// One method per node: start the node's clock, do its work inside try, record success or failure, then
/// call the children of the port taken, in edge order. A failure returns before the children, so they stay
/// skipped; siblings are called by the parent and still run.
/// </summary>
public sealed partial class FlowEmitter
{
    private void EmitNode(BoundNode node)
    {
        if (node is BoundFilter filter)
        {
            _writer.WriteLine("// " + CSharpText.Comment($"[node {filter.Id}] its condition as a typed predicate"));
            EmitFilterTest(filter);
            _writer.WriteLine();
        }

        var work = new List<string>();
        var declarations = new List<string>();
        var hasIo = CollectWork(node, work, declarations);
        var hasChildren = node.Branches.Any(b => !b.Children.IsEmpty);
        var isAsync = hasIo || hasChildren;
        var done = isAsync ? "return;" : "return Task.CompletedTask;";
        var w = _writer;
        var constant = $"{NodesClass}.{_nodeNames[node.Id]}";

        w.WriteLine("// " + CSharpText.Comment(NodeDescriber.Describe(node)));
        using (w.Block($"private static {(isAsync ? "async " : "")}Task {_methodNames[node.Id]}({NodeParameters(node.Scope)})"))
        {
            w.WriteLine($"{Run}.Start({constant});");
            foreach (var declaration in declarations)
            {
                w.WriteLine(declaration);
            }

            using (w.Block("try"))
            {
                foreach (var line in work)
                {
                    w.WriteLine(line);
                }
            }

            using (w.Block($"catch (Exception ex) when (!{Cancellation}.IsCancellationRequested)"))
            {
                w.WriteLine($"{Run}.Fail({constant}, ex);");
                w.WriteLine(done);
            }

            w.WriteLine();
            if (node is BoundFilter test)
            {
                w.WriteLine($"{Run}.Succeed({constant}, passed);");
                EmitFilterBranches(test);
            }
            else
            {
                w.WriteLine($"{Run}.Succeed({constant});");
                EmitChildCalls(node.ChildrenOf("out"));
            }

            if (!isAsync)
            {
                w.WriteLine("return Task.CompletedTask;");
            }
        }

        EmitPendingTemplates();
        if (node is BoundRest rest)
        {
            EmitResponseReader(rest);
        }
    }

    private void EmitFilterBranches(BoundFilter filter)
    {
        var whenTrue = filter.ChildrenOf("true");
        var whenFalse = filter.ChildrenOf("false");
        if (!whenTrue.IsEmpty)
        {
            using (_writer.Block("if (passed)"))
            {
                EmitChildCalls(whenTrue);
            }
        }

        if (!whenFalse.IsEmpty)
        {
            using (_writer.Block(whenTrue.IsEmpty ? "if (!passed)" : "else"))
            {
                EmitChildCalls(whenFalse);
            }
        }
    }

    private void EmitChildCalls(ImmutableArray<BoundNode> children)
    {
        foreach (var child in children)
        {
            var arguments = NodeArguments(child.Scope);
            foreach (var narrowing in child.Scope.Narrowings)
            {
                // The true port's element was found by the test just above: never null here.
                var name = _narrowingNames[narrowing.FilterId];
                arguments = arguments.Replace(name + ",", name + "!,", StringComparison.Ordinal);
            }

            _writer.WriteLine($"await {_methodNames[child.Id]}({arguments});");
        }
    }

    // The statements inside the node's try block; returns whether the node awaits a service.
    private bool CollectWork(BoundNode node, List<string> work, List<string> declarations)
    {
        var id = CSharpText.Literal(node.Id);
        switch (node)
        {
            case BoundFilter filter:
                declarations.Add("bool passed;");
                if (filter.Narrowing is { } narrowing)
                {
                    var match = _narrowingNames[filter.Id];
                    declarations.Add($"{TypeName(narrowing.Element)}? {match};");
                    work.Add($"passed = {TestName(filter)}({ValueArguments(filter.Scope)}, out {match});");
                }
                else
                {
                    work.Add($"passed = {TestName(filter)}({ValueArguments(filter.Scope)});");
                }

                return false;
            case BoundAddField add:
                // With nothing below to read it, the value is still rendered (a Scriban hole may fail) but not kept.
                if (add.ChildrenOf("out").IsEmpty)
                {
                    work.Add($"_ = {RenderTemplate(add, "value", add.Value)};");
                    return false;
                }

                declarations.Add($"string {_outputNames[add.Id]};");
                work.Add($"{_outputNames[add.Id]} = {RenderTemplate(add, "value", add.Value)};");
                return false;
            case BoundDbJoin join:
                {
                    var output = _outputNames[join.Id];
                    var rowType = join.Row.ClrType!.Name;
                    declarations.Add($"{TypeName(join.IsSingle ? join.Row with { IsNullable = true } : new ArrayType(join.Row))} {output};");
                    var call = join.IsSingle ? $"FindRowAsync<{rowType}>" : $"FindRowsAsync<{rowType}>";
                    var lookup = $"new DbLookup({id}, {CSharpText.Literal(join.Table)}, {CSharpText.Literal(join.JoinColumn.Name)}, key)";
                    var input = Single(join.Input);
                    var missing = join.IsSingle ? "null" : $"Array.Empty<{rowType}>()";
                    work.Add(join.Input.Type is ScalarType { IsNullable: true }
                        ? $"{output} = {input} is {{ }} key ? await {Services}.{call}({lookup}, {Cancellation}) : {missing};"
                        : $"var key = {input};");
                    if (join.Input.Type is not ScalarType { IsNullable: true })
                    {
                        work.Add($"{output} = await {Services}.{call}({lookup}, {Cancellation});");
                    }

                    return true;
                }

            case BoundLoadTags tags:
                {
                    var output = _outputNames[tags.Id];
                    declarations.Add($"IReadOnlyList<LoadedTag> {output};");
                    var lookup = $"new TagLookup({id}, {CSharpText.Literal(tags.ResourceType)}, key)";
                    work.Add(tags.Input.Type is ScalarType { IsNullable: true }
                        ? $"{output} = {Single(tags.Input)} is {{ }} key ? await {Services}.LoadTagsAsync({lookup}, {Cancellation}) : Array.Empty<LoadedTag>();"
                        : $"{output} = await {Services}.LoadTagsAsync(new TagLookup({id}, {CSharpText.Literal(tags.ResourceType)}, {Single(tags.Input)}), {Cancellation});");
                    return true;
                }

            case BoundIpam ipam:
                {
                    var output = _outputNames[ipam.Id];
                    declarations.Add($"{ipam.Output.ClrType!.Name} {output};");
                    var proxmoxNode = ipam.Node is null ? "null" : RenderTemplate(ipam, "node", ipam.Node);
                    var user = ipam.UserId is null ? "null" : IntValue(ipam, "userId", ipam.UserId, 1, int.MaxValue);
                    var method = ipam.Family == "ipv4" ? "AllocateIpv4Async" : "AllocateIpv6Async";
                    work.Add($"{output} = await {Services}.{method}(new IpamRequest({id}, {proxmoxNode}, {user}), {Cancellation});");
                    return true;
                }

            case BoundRest rest:
                {
                    var output = _outputNames[rest.Id];
                    declarations.Add($"{TypeName(rest.Response)} {output};");
                    work.Add($"var request = {Request(rest, rest.Request)};");
                    work.Add($"var json = await {Services}.RequestAsync(request, {CSharpText.Literal(rest.ExampleJson)}, {Cancellation});");
                    work.Add($"{output} = {_responseReaders[rest.Id]}(json);");
                    return true;
                }

            case BoundWebhook webhook:
                work.Add($"var request = {Request(webhook, webhook.Request)};");
                work.Add($"{Run}.RecordEffect(request);");
                work.Add($"await {Services}.SendWebhookAsync(request, {Cancellation});");
                return true;
            case BoundSendMail mail:
                work.Add($"var request = new MailRequest({id}, {RenderRecipients(mail, mail.To)}, {RenderTemplate(mail, "subject", mail.Subject)}, {RenderTemplate(mail, "content", mail.Content)}, {CSharpText.Literal(mail.Html)});");
                work.Add($"{Run}.RecordEffect(request);");
                work.Add($"await {Services}.SendMailAsync(request, {Cancellation});");
                return true;
            case BoundCreateTicket ticket:
                work.Add($"var request = new TicketRequest({id}, {RenderTemplate(ticket, "title", ticket.Title)}, {CSharpText.Literal(ticket.Priority)}, {IntValue(ticket, "creatorId", ticket.CreatorId, 1, int.MaxValue)}, {RenderTemplate(ticket, "content", ticket.Content)});");
                work.Add($"{Run}.RecordEffect(request);");
                if (ticket.As is not null)
                {
                    var output = _outputNames[ticket.Id];
                    declarations.Add($"CreatedTicket {output};");
                    work.Add($"{output} = new CreatedTicket {{ Id = await {Services}.CreateTicketAsync(request, {Cancellation}) }};");
                }
                else
                {
                    work.Add($"await {Services}.CreateTicketAsync(request, {Cancellation});");
                }

                return true;
            case BoundModifyServer modify:
                {
                    var spec = ServerActions.All.First(a => a.Name == modify.Action);
                    var values = modify.Values.Select(v =>
                    {
                        var value = spec.Values.First(s => s.Name == v.Key);
                        var rendered = ServerValue(modify, value, v.Value);
                        return $"new({CSharpText.Literal(v.Key)}, {rendered})";
                    });
                    work.Add($"var change = new ServerChange({id}, {IntValue(modify, "serverId", modify.ServerId, 1, int.MaxValue)}, {CSharpText.Literal(modify.Component)}, {CSharpText.Literal(modify.Action)}, [{string.Join(", ", values)}]);");
                    work.Add($"{Run}.RecordEffect(change);");
                    work.Add($"await {Services}.ModifyServerAsync(change, {Cancellation});");
                    return true;
                }

            default:
                throw new InvalidOperationException($"No code for node type {node.Type}.");
        }
    }

    // A whole number: checked at compile time when literal, parsed when the flow runs when a template.
    private string IntValue(BoundNode node, string parameter, BoundTemplate template, int min, int max) =>
        template.IsConstant
            ? CSharpText.Literal(long.Parse(template.Source, System.Globalization.CultureInfo.InvariantCulture))
            : $"FlowValues.ParseInt({RenderTemplate(node, parameter, template)}, {CSharpText.Literal(parameter)}, {CSharpText.Literal(min)}, {(max == int.MaxValue ? "int.MaxValue" : CSharpText.Literal(max))})";

    private string Request(BoundNode node, BoundRequest request)
    {
        var url = RenderTemplate(node, "url", request.Url);
        var content = request.Content is null ? "null" : RenderTemplate(node, "content", request.Content);
        var headers = request.Headers.Select(h => $"new({CSharpText.Literal(h.Key)}, {RenderTemplate(node, "header " + h.Key, h.Value)})").ToList();
        return $"new HttpRequestSpec({CSharpText.Literal(node.Id)}, {url}, {CSharpText.Literal(request.Method)}, {CSharpText.Literal(request.ContentType)}, {content}, [{string.Join(", ", headers)}])";
    }
}
