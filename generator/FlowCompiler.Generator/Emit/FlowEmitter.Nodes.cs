using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// One method per node: start the node's clock, do its work inside try, record success or failure, and
/// return the outcome the entry method guards the children with (true when it succeeded; a filter's port,
/// null when it failed). A failure leaves the node's subtree skipped; its siblings still run.
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
        CollectWork(node, work);
        var w = _writer;
        var constant = $"{NodesClass}.{_nodeNames[node.Id]}";
        var outcome = node is BoundFilter ? "bool?" : "bool";
        var returnType = IsAsync(node) ? $"async Task<{outcome}>" : outcome;

        w.WriteLine("// " + CSharpText.Comment(NodeDescriber.Describe(node)));
        using (w.Block($"private static {returnType} {_methodNames[node.Id]}({NodeParameters(node)})"))
        {
            w.WriteLine($"{Run}.Start({constant});");
            if (node is BoundFilter)
            {
                w.WriteLine("bool passed;");
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
                w.WriteLine(node is BoundFilter ? "return null;" : "return false;");
            }

            w.WriteLine();
            if (node is BoundFilter)
            {
                w.WriteLine($"{Run}.Succeed({constant}, passed);");
                w.WriteLine("return passed;");
            }
            else
            {
                w.WriteLine($"{Run}.Succeed({constant});");
                w.WriteLine("return true;");
            }
        }

        EmitPendingTemplates();
        if (node is BoundRest rest)
        {
            EmitResponseReader(rest);
        }
    }

    // The statements inside the node's try block. An output goes into its scope field only when a node below reads it.
    private void CollectWork(BoundNode node, List<string> work)
    {
        var id = CSharpText.Literal(node.Id);
        switch (node)
        {
            case BoundFilter filter:
                work.Add(filter.Narrowing is null
                    ? $"passed = {TestName(filter)}({ValueArguments(filter.Scope)});"
                    : $"passed = {TestName(filter)}({ValueArguments(filter.Scope)}, out {(_narrowingFields.ContainsKey(filter.Id) ? $"{ScopeLocal}.{_narrowingFields[filter.Id]}" : "_")});");
                break;
            case BoundAddField add:
                // With nothing below to read it, the value is still rendered (a Scriban hole may fail) but not kept.
                work.Add(Keep(add, RenderTemplate(add, "value", add.Value)));
                break;
            case BoundDbJoin join:
                {
                    var rowType = join.Row.ClrType!.Name;
                    var call = join.IsSingle ? $"FindRowAsync<{rowType}>" : $"FindRowsAsync<{rowType}>";
                    var lookup = $"new DbLookup({id}, {CSharpText.Literal(join.Table)}, {CSharpText.Literal(join.JoinColumn.Name)}, key)";
                    var input = Single(join.Input);
                    var missing = join.IsSingle ? "null" : $"Array.Empty<{rowType}>()";
                    if (join.Input.Type is ScalarType { IsNullable: true })
                    {
                        work.Add(Keep(join, $"{input} is {{ }} key ? await {Services}.{call}({lookup}, {Cancellation}) : {missing}"));
                    }
                    else
                    {
                        work.Add($"var key = {input};");
                        work.Add(Keep(join, $"await {Services}.{call}({lookup}, {Cancellation})"));
                    }

                    break;
                }

            case BoundLoadTags tags:
                {
                    var lookup = $"new TagLookup({id}, {CSharpText.Literal(tags.ResourceType)}, key)";
                    work.Add(tags.Input.Type is ScalarType { IsNullable: true }
                        ? Keep(tags, $"{Single(tags.Input)} is {{ }} key ? await {Services}.LoadTagsAsync({lookup}, {Cancellation}) : Array.Empty<LoadedTag>()")
                        : Keep(tags, $"await {Services}.LoadTagsAsync(new TagLookup({id}, {CSharpText.Literal(tags.ResourceType)}, {Single(tags.Input)}), {Cancellation})"));
                    break;
                }

            case BoundIpam ipam:
                {
                    var proxmoxNode = ipam.Node is null ? "null" : RenderTemplate(ipam, "node", ipam.Node);
                    var user = ipam.UserId is null ? "null" : IntValue(ipam, "userId", ipam.UserId, 1, int.MaxValue);
                    var method = ipam.Family == "ipv4" ? "AllocateIpv4Async" : "AllocateIpv6Async";
                    work.Add(Keep(ipam, $"await {Services}.{method}(new IpamRequest({id}, {proxmoxNode}, {user}), {Cancellation})"));
                    break;
                }

            case BoundRest rest:
                work.Add($"var request = {Request(rest, rest.Request)};");
                work.Add($"var json = await {Services}.RequestAsync(request, {CSharpText.Literal(rest.ExampleJson)}, {Cancellation});");
                work.Add(Keep(rest, $"{_responseReaders[rest.Id]}(json)"));
                break;
            case BoundWebhook webhook:
                work.Add($"var request = {Request(webhook, webhook.Request)};");
                work.Add($"{Run}.RecordEffect(request);");
                work.Add($"await {Services}.SendWebhookAsync(request, {Cancellation});");
                break;
            case BoundSendMail mail:
                work.Add($"var request = new MailRequest({id}, {RenderRecipients(mail, mail.To)}, {RenderTemplate(mail, "subject", mail.Subject)}, {RenderTemplate(mail, "content", mail.Content)}, {CSharpText.Literal(mail.Html)});");
                work.Add($"{Run}.RecordEffect(request);");
                work.Add($"await {Services}.SendMailAsync(request, {Cancellation});");
                break;
            case BoundCreateTicket ticket:
                work.Add($"var request = new TicketRequest({id}, {RenderTemplate(ticket, "title", ticket.Title)}, {CSharpText.Literal(ticket.Priority)}, {IntValue(ticket, "creatorId", ticket.CreatorId, 1, int.MaxValue)}, {RenderTemplate(ticket, "content", ticket.Content)});");
                work.Add($"{Run}.RecordEffect(request);");
                work.Add(_outputFields.ContainsKey(ticket.Id)
                    ? $"{OutputField(ticket.Id)} = new CreatedTicket {{ Id = await {Services}.CreateTicketAsync(request, {Cancellation}) }};"
                    : $"await {Services}.CreateTicketAsync(request, {Cancellation});");
                break;
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
                    break;
                }

            default:
                throw new InvalidOperationException($"No code for node type {node.Type}.");
        }
    }

    // The statement that keeps a node's output in its scope field, or evaluates it for its failures alone.
    private string Keep(BoundNode node, string value) =>
        _outputFields.ContainsKey(node.Id) ? $"{OutputField(node.Id)} = {value};"
        : value.StartsWith("await ", StringComparison.Ordinal) && !value.Contains(" ? ", StringComparison.Ordinal) ? $"{value};"
        : $"_ = {value};";

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
