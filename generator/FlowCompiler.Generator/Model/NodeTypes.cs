using System.Collections.Immutable;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Model;

/// <summary>The node types of <c>flowc/1</c> (spec §5), with their parameters in canonical order.</summary>
public static class NodeTypes
{
    /// <summary>The trigger.</summary>
    public const string Event = "event";

    /// <summary>Routes to <c>true</c> or <c>false</c>.</summary>
    public const string Filter = "filter";

    /// <summary>Adds a rendered string.</summary>
    public const string AddField = "addField";

    /// <summary>Joins a panel table.</summary>
    public const string DbJoin = "dbJoin";

    /// <summary>Calls a REST resource.</summary>
    public const string Rest = "rest";

    /// <summary>Loads the tags of a server or user.</summary>
    public const string LoadTags = "loadTags";

    /// <summary>Allocates an IPAM address.</summary>
    public const string Ipam = "ipam";

    /// <summary>Sends a mail.</summary>
    public const string SendMail = "sendMail";

    /// <summary>Sends an HTTP request.</summary>
    public const string Webhook = "webhook";

    /// <summary>Opens a ticket.</summary>
    public const string CreateTicket = "createTicket";

    /// <summary>Changes a VM or container through Proxmox.</summary>
    public const string ModifyServer = "modifyServer";

    private const ParameterKinds S = ParameterKinds.String;
    private const ParameterKinds SN = ParameterKinds.String | ParameterKinds.Number;

    private const string ContentTypeText =
        "Content type of the request body (default application/json). With application/json (or any +json type) the body must be " +
        "valid JSON for any field values: holes inside JSON strings are JSON-escaped, holes in value position render as JSON values. " +
        "Other types, e.g. text/plain, are inserted raw.";

    private const string HeadersText = "Extra HTTP request headers: header name to value template (CR and LF are removed from rendered values).";

    private static readonly ImmutableArray<string> OutPort = [FlowEdge.OutPort];

    // A node that calls out (HTTP, SMTP, Proxmox) waits as long as the host is configured to.
    private static readonly NodeRetry Remote = new();

    // A node on the panel's own database fails transiently when the database is locked or restarting, which passes in
    // well under a second: shorter waits, so the run is not held back for minutes.
    private static readonly NodeRetry Database = new(InitialDelayMs: 500, MaxDelayMs: 30_000);

    /// <summary>The HTTP methods of <c>rest</c> and <c>webhook</c>.</summary>
    private static readonly ImmutableArray<string> HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Every node type, in the spec's order.</summary>
    public static ImmutableArray<NodeTypeSpec> All { get; } =
    [
        new(Event, NodeKind.Trigger,
        [
            new("event", S, ParameterRole.Choice, true)
            {
                Description = "The event that starts the flow; its fields are the scope of the nodes below.",
                Choices = [.. FlowEvents.All.Select(e => e.Name)],
            },
        ], OutPort) { Description = "Trigger: the flow runs once whenever the panel raises this event." },
        new(Filter, NodeKind.Enricher,
        [
            new("field", S, ParameterRole.FieldPath, true) { Description = "The field to test, e.g. id, node, charges.amount, tags.name." },
            new("operation", S, ParameterRole.Choice, true)
            {
                Description = "=, != (all types); <, <=, >, >= (numbers, decimals, datetimes); contains, notContains, startsWith, endsWith, " +
                    "matches (a literal .NET regex) on strings; empty, notEmpty on anything (no value).",
                Choices = ["=", "!=", "<", "<=", ">", ">=", "contains", "notContains", "startsWith", "endsWith", "matches", "empty", "notEmpty"],
            },
            new("value", SN | ParameterKinds.Bool, ParameterRole.FilterValue, false)
            {
                Description = "The value to compare with, parsed into the field's type when the flow is validated, or a single hole " +
                    "{{ other.path }} to compare two fields. Not used by empty and notEmpty.",
            },
            new("ignoreCase", ParameterKinds.Bool, ParameterRole.Literal, false) { Description = "Compare strings ignoring case (ordinal)." },
        ], ["true", "false"])
        {
            Description = "Filter: routes to the \"true\" or \"false\" port. On a path through an array it is true when any element matches, " +
                "and the true port narrows that array to the first matching element.",
        },
        new(AddField, NodeKind.Enricher,
        [
            new("as", S, ParameterRole.NewField, true) { Description = "The new string field." },
            new("value", S, ParameterRole.Text, true) { Description = "Template of the new field's value." },
        ], OutPort) { Description = "Add Field: adds a string field rendered from a template." },
        new(DbJoin, NodeKind.Enricher,
        [
            new("from", S, ParameterRole.Choice, true) { Description = "The panel table to read." },
            new("inputField", S, ParameterRole.FieldPath, true) { Description = "The field in scope whose value is looked up, e.g. userid." },
            new("joinField", S, ParameterRole.Choice, true) { Description = "The column of the table to match, e.g. id (one row) or userid (an array of rows)." },
            new("as", S, ParameterRole.NewField, true) { Description = "The new field holding the row (or rows)." },
        ], OutPort)
        {
            Retry = Database,
            Description = "Default Enricher: loads the rows of a panel table whose joinField equals inputField. Joining on id gives one row " +
                "(or null); any other column gives an array of rows.",
        },
        new(Rest, NodeKind.Enricher,
        [
            new("url", S, ParameterRole.Url, true) { Description = "The URL to call (template)." },
            new("method", S, ParameterRole.Choice, true) { Description = "The HTTP method.", Choices = HttpMethods },
            new("headers", ParameterKinds.Map, ParameterRole.Headers, false) { Description = HeadersText },
            new("contentType", S, ParameterRole.Choice, false) { Description = ContentTypeText },
            new("content", S, ParameterRole.Body, false) { Description = "Request body template, escaped for contentType." },
            new("exampleResponse", ParameterKinds.Json, ParameterRole.Example, true)
            {
                Description = "A pasted example of the JSON response (an object or an array). The type of the as field, and so the paths " +
                    "usable below this node, are taken from it; a dry run uses it as the response.",
            },
            new("as", S, ParameterRole.NewField, true) { Description = "The new field holding the response." },
        ], OutPort) { Retry = Remote, Description = "REST Resource: calls an HTTP API and adds its JSON response, typed from exampleResponse." },
        new(LoadTags, NodeKind.Enricher,
        [
            new("for", S, ParameterRole.Choice, true) { Description = "The kind of resource the tags belong to.", Choices = ["server", "user"] },
            new("inputField", S, ParameterRole.FieldPath, true) { Description = "The field holding the server's or user's id, e.g. id or userid." },
            new("as", S, ParameterRole.NewField, true) { Description = "The new field holding the tags." },
        ], OutPort) { Retry = Database, Description = "Load Tags: adds the tags of a server or user as an array of { id, name }." },
        new(Ipam, NodeKind.Enricher,
        [
            new("family", S, ParameterRole.Choice, true) { Description = "The address family.", Choices = ["ipv4", "ipv6"] },
            new("node", S, ParameterRole.Text, false) { Description = "Optional Proxmox node (template), selects node-scoped ranges, e.g. {{node}}." },
            new("userId", SN, ParameterRole.Text, false)
            {
                Description = "Optional user id, a number or a template, selects user-scoped ranges, e.g. \"{{userid}}\".",
                Minimum = 0,
            },
            new("as", S, ParameterRole.NewField, true) { Description = "The new field holding the address." },
        ], OutPort)
        {
            Retry = Database,
            Description = "IPAM: takes the lowest free address (IPv4) or subnet (IPv6) from the best matching range (user scope, then node " +
                "scope, then global), marks it in use and adds { id, ip, gateway, subnet } (IPv4) or { id, ip, gateway, prefix } (IPv6).",
        },
        new(SendMail, NodeKind.Action,
        [
            new("to", S, ParameterRole.MailHeader, true) { Description = "Recipient address (template), e.g. {{email}}; a hole yields exactly one mailbox." },
            new("subject", S, ParameterRole.MailHeader, true) { Description = "Subject (template)." },
            new("content", S, ParameterRole.MailBody, true) { Description = "Body (template). With html: true, holes are HTML-encoded." },
            new("html", ParameterKinds.Bool, ParameterRole.Literal, false) { Description = "Send the content as HTML." },
        ], OutPort) { Retry = Remote, Description = "Send Mail: sends one message (SMTP, or a .eml file in the outbox when no SMTP is configured)." },
        new(Webhook, NodeKind.Action,
        [
            new("url", S, ParameterRole.Url, true) { Description = "The URL to send to (template)." },
            new("method", S, ParameterRole.Choice, true) { Description = "The HTTP method.", Choices = HttpMethods },
            new("contentType", S, ParameterRole.Choice, false) { Description = ContentTypeText },
            new("content", S, ParameterRole.Body, false) { Description = "Request body template, escaped for contentType." },
            new("headers", ParameterKinds.Map, ParameterRole.Headers, false) { Description = HeadersText },
        ], OutPort) { Retry = Remote, Description = "Webhook: sends one HTTP request; a non-2xx answer fails the node." },
        new(CreateTicket, NodeKind.Action,
        [
            new("title", S, ParameterRole.Text, true) { Description = "Ticket title (template)." },
            new("priority", S, ParameterRole.Choice, true) { Description = "Ticket priority.", Choices = ["low", "medium", "high", "urgent"] },
            new("creatorId", SN, ParameterRole.Text, true)
            {
                Description = "Id of the panel user who opens the ticket: a number or a template, e.g. \"{{userid}}\".",
                Minimum = 1,
            },
            new("content", S, ParameterRole.Text, true) { Description = "The ticket's first message (template)." },
            new("as", S, ParameterRole.NewField, false) { Description = "Optional: adds { id } of the new ticket for the nodes below." },
        ], OutPort) { Retry = Database, Description = "Create Ticket: opens a ticket with its first message in one transaction." },
        new(ModifyServer, NodeKind.Action,
        [
            new("serverId", SN, ParameterRole.Text, true)
            {
                Description = "The panel id of the server: a number or a template, e.g. \"{{id}}\".",
                Minimum = 1,
            },
            new("component", S, ParameterRole.Choice, true) { Description = "The part of the server to change." },
            new("action", S, ParameterRole.Choice, true) { Description = "The change; it decides which values follow." },
            new("note", S, ParameterRole.Text, false),
            new("hostname", S, ParameterRole.Text, false),
            new("tag", SN, ParameterRole.Text, false),
            new("rate", SN, ParameterRole.Text, false),
            new("ipv4Id", SN, ParameterRole.Text, false),
            new("ipv6Id", SN, ParameterRole.Text, false),
            new("group", S, ParameterRole.Text, false),
            new("maxRelocates", SN, ParameterRole.Text, false),
            new("maxRestarts", SN, ParameterRole.Text, false),
        ], OutPort)
        {
            Retry = Remote,
            Description = "Modify Server: changes the VM or container through the Proxmox VE API and the panel database. After serverId, " +
                "component and action come exactly the action's values (numbers may be templates, parsed when the flow runs).",
        },
    ];

    /// <summary>Finds a node type by its exact name.</summary>
    public static NodeTypeSpec? Find(string type)
    {
        foreach (var spec in All)
        {
            if (spec.Type == type)
            {
                return spec;
            }
        }

        return null;
    }
}
