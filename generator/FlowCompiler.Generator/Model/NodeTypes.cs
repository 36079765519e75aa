using System.Collections.Immutable;

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

    private static readonly ImmutableArray<string> OutPort = [FlowEdge.OutPort];

    /// <summary>Every node type, in the spec's order.</summary>
    public static ImmutableArray<NodeTypeSpec> All { get; } =
    [
        new(Event, NodeKind.Trigger, [new("event", S, ParameterRole.Choice, true)], OutPort),
        new(Filter, NodeKind.Enricher,
        [
            new("field", S, ParameterRole.FieldPath, true),
            new("operation", S, ParameterRole.Choice, true),
            new("value", SN | ParameterKinds.Bool, ParameterRole.FilterValue, false),
            new("ignoreCase", ParameterKinds.Bool, ParameterRole.Literal, false),
        ], ["true", "false"]),
        new(AddField, NodeKind.Enricher,
        [
            new("as", S, ParameterRole.NewField, true),
            new("value", S, ParameterRole.Text, true),
        ], OutPort),
        new(DbJoin, NodeKind.Enricher,
        [
            new("from", S, ParameterRole.Choice, true),
            new("inputField", S, ParameterRole.FieldPath, true),
            new("joinField", S, ParameterRole.Choice, true),
            new("as", S, ParameterRole.NewField, true),
        ], OutPort),
        new(Rest, NodeKind.Enricher,
        [
            new("url", S, ParameterRole.Url, true),
            new("method", S, ParameterRole.Choice, true),
            new("headers", ParameterKinds.Map, ParameterRole.Headers, false),
            new("contentType", S, ParameterRole.Choice, false),
            new("content", S, ParameterRole.Body, false),
            new("exampleResponse", ParameterKinds.Json, ParameterRole.Example, true),
            new("as", S, ParameterRole.NewField, true),
        ], OutPort),
        new(LoadTags, NodeKind.Enricher,
        [
            new("for", S, ParameterRole.Choice, true),
            new("inputField", S, ParameterRole.FieldPath, true),
            new("as", S, ParameterRole.NewField, true),
        ], OutPort),
        new(Ipam, NodeKind.Enricher,
        [
            new("family", S, ParameterRole.Choice, true),
            new("node", S, ParameterRole.Text, false),
            new("userId", SN, ParameterRole.Text, false),
            new("as", S, ParameterRole.NewField, true),
        ], OutPort),
        new(SendMail, NodeKind.Action,
        [
            new("to", S, ParameterRole.MailHeader, true),
            new("subject", S, ParameterRole.MailHeader, true),
            new("content", S, ParameterRole.MailBody, true),
            new("html", ParameterKinds.Bool, ParameterRole.Literal, false),
        ], OutPort),
        new(Webhook, NodeKind.Action,
        [
            new("url", S, ParameterRole.Url, true),
            new("method", S, ParameterRole.Choice, true),
            new("contentType", S, ParameterRole.Choice, false),
            new("content", S, ParameterRole.Body, false),
            new("headers", ParameterKinds.Map, ParameterRole.Headers, false),
        ], OutPort),
        new(CreateTicket, NodeKind.Action,
        [
            new("title", S, ParameterRole.Text, true),
            new("priority", S, ParameterRole.Choice, true),
            new("creatorId", SN, ParameterRole.Text, true),
            new("content", S, ParameterRole.Text, true),
            new("as", S, ParameterRole.NewField, false),
        ], OutPort),
        new(ModifyServer, NodeKind.Action,
        [
            new("serverId", SN, ParameterRole.Text, true),
            new("component", S, ParameterRole.Choice, true),
            new("action", S, ParameterRole.Choice, true),
            new("note", S, ParameterRole.Text, false),
            new("hostname", S, ParameterRole.Text, false),
            new("tag", SN, ParameterRole.Text, false),
            new("rate", SN, ParameterRole.Text, false),
            new("ipv4Id", SN, ParameterRole.Text, false),
            new("ipv6Id", SN, ParameterRole.Text, false),
            new("group", S, ParameterRole.Text, false),
            new("maxRelocates", SN, ParameterRole.Text, false),
            new("maxRestarts", SN, ParameterRole.Text, false),
        ], OutPort),
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
