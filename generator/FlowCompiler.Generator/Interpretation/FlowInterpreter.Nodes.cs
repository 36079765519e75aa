using System.Globalization;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Interpretation;

/// <summary>
/// What each node type does inside its try block, in the order generated code evaluates it: arguments
/// left to right, the effect recorded just before the action's service call.
/// </summary>
public sealed partial class FlowInterpreter
{
    private void Prepare(BoundNode node)
    {
        switch (node)
        {
            case BoundFilter filter:
                _filters.Prepare(filter);
                break;
            case BoundAddField add:
                _templates.Prepare(add.Value);
                break;
            case BoundDbJoin join:
                _rowQueries[join.Id] = new RowQuery(join);
                break;
            case BoundIpam ipam:
                _templates.Prepare(ipam.Node);
                _templates.Prepare(ipam.UserId);
                break;
            case BoundRest rest:
                Prepare(rest.Request);
                break;
            case BoundWebhook webhook:
                Prepare(webhook.Request);
                break;
            case BoundSendMail mail:
                _templates.Prepare(mail.To);
                _templates.Prepare(mail.Subject);
                _templates.Prepare(mail.Content);
                break;
            case BoundCreateTicket ticket:
                _templates.Prepare(ticket.Title);
                _templates.Prepare(ticket.CreatorId);
                _templates.Prepare(ticket.Content);
                break;
            case BoundModifyServer modify:
                _templates.Prepare(modify.ServerId);
                foreach (var value in modify.Values)
                {
                    _templates.Prepare(value.Value);
                }

                break;
        }
    }

    private void Prepare(BoundRequest request)
    {
        _templates.Prepare(request.Url);
        _templates.Prepare(request.Content);
        foreach (var header in request.Headers)
        {
            _templates.Prepare(header.Value);
        }
    }

    // Returns the port a filter takes; other nodes return true.
    private async Task<bool> WorkAsync(BoundNode node, int index, RunValues values, IFlowServices services, FlowRun run, CancellationToken ct)
    {
        switch (node)
        {
            case BoundFilter filter:
                {
                    var passed = _filters.Test(filter, values, out var match);
                    values.Nodes[index] = match;
                    return passed;
                }

            case BoundAddField add:
                values.Nodes[index] = _templates.Render(add.Value, add, values);
                return true;
            case BoundDbJoin join:
                {
                    var query = _rowQueries[join.Id];
                    var key = _paths.Single(join.Input, values);
                    values.Nodes[index] = key is null && join.Input.Type is ScalarType { IsNullable: true }
                        ? query.NoRows
                        : await query.RunAsync(services, new DbLookup(join.Id, join.Table, join.JoinColumn.Name, key!), ct);
                    return true;
                }

            case BoundLoadTags tags:
                {
                    var key = _paths.Single(tags.Input, values);
                    values.Nodes[index] = key is null && tags.Input.Type is ScalarType { IsNullable: true }
                        ? Array.Empty<LoadedTag>()
                        : await services.LoadTagsAsync(new TagLookup(tags.Id, tags.ResourceType, Convert.ToInt32(key, CultureInfo.InvariantCulture)), ct);
                    return true;
                }

            case BoundIpam ipam:
                {
                    var proxmoxNode = ipam.Node is null ? null : _templates.Render(ipam.Node, ipam, values);
                    int? user = ipam.UserId is null ? null : IntValue(ipam, "userId", ipam.UserId, 1, int.MaxValue, values);
                    var request = new IpamRequest(ipam.Id, proxmoxNode, user);
                    values.Nodes[index] = ipam.Family == "ipv4"
                        ? await services.AllocateIpv4Async(request, ct)
                        : await services.AllocateIpv6Async(request, ct);
                    return true;
                }

            case BoundRest rest:
                {
                    var request = Request(rest, rest.Request, values);
                    var json = await services.RequestAsync(request, rest.ExampleJson, ct);
                    values.Nodes[index] = ResponseValues.Read(json, rest);
                    return true;
                }

            case BoundWebhook webhook:
                {
                    var request = Request(webhook, webhook.Request, values);
                    run.RecordEffect(request);
                    await services.SendWebhookAsync(request, ct);
                    return true;
                }

            case BoundSendMail mail:
                {
                    var request = new MailRequest(
                        mail.Id, _templates.Render(mail.To, mail, values), _templates.Render(mail.Subject, mail, values), _templates.Render(mail.Content, mail, values), mail.Html);
                    run.RecordEffect(request);
                    await services.SendMailAsync(request, ct);
                    return true;
                }

            case BoundCreateTicket ticket:
                {
                    var request = new TicketRequest(
                        ticket.Id,
                        _templates.Render(ticket.Title, ticket, values),
                        ticket.Priority,
                        IntValue(ticket, "creatorId", ticket.CreatorId, 1, int.MaxValue, values),
                        _templates.Render(ticket.Content, ticket, values));
                    run.RecordEffect(request);
                    var id = await services.CreateTicketAsync(request, ct);
                    if (ticket.As is not null)
                    {
                        values.Nodes[index] = new CreatedTicket { Id = id };
                    }

                    return true;
                }

            case BoundModifyServer modify:
                {
                    var serverId = IntValue(modify, "serverId", modify.ServerId, 1, int.MaxValue, values);
                    var action = ServerActions.All.First(a => a.Name == modify.Action);
                    var settings = new List<KeyValuePair<string, object>>(modify.Values.Length);
                    foreach (var (name, template) in modify.Values)
                    {
                        var spec = action.Values.First(v => v.Name == name);
                        var value = ServerValue(modify, spec, template, values);
                        settings.Add(new(name, value));
                    }

                    var change = new ServerChange(modify.Id, serverId, modify.Component, modify.Action, settings);
                    run.RecordEffect(change);
                    await services.ModifyServerAsync(change, ct);
                    return true;
                }

            default:
                throw new InvalidOperationException($"The interpreter cannot run node type {node.Type}.");
        }
    }

    // A whole number: literal when the binder checked it, else parsed from the rendered template.
    private int IntValue(BoundNode node, string parameter, BoundTemplate template, int min, int max, RunValues values) =>
        template.IsConstant
            ? checked((int)long.Parse(template.Source, CultureInfo.InvariantCulture))
            : FlowValues.ParseInt(_templates.Render(template, node, values), parameter, min, max);

    private HttpRequestSpec Request(BoundNode node, BoundRequest request, RunValues values)
    {
        var url = _templates.Render(request.Url, node, values);
        var content = request.Content is null ? null : _templates.Render(request.Content, node, values);
        var headers = request.Headers.Select(h => KeyValuePair.Create(h.Key, _templates.Render(h.Value, node, values))).ToList();
        return new HttpRequestSpec(node.Id, url, request.Method, request.ContentType, content, headers);
    }
}
