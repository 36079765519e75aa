using System.Collections.Immutable;
using FlowCompiler.Generator.Templates;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Binding;

/// <summary>
/// A node after binding: every path resolved, every template typed and escaped, every choice parsed.
/// Immutable, and free of JSON: the emitter and the reference interpreter read only this.
/// </summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
public abstract record BoundNode(string Id, Scope Scope)
{
    /// <summary>The node type as written in the document.</summary>
    public abstract string Type { get; }

    /// <summary>The children of each output port, in execution order.</summary>
    public ImmutableArray<BoundBranch> Branches { get; init; } = [];

    /// <summary>
    /// How the durable queue retries this node's transient failures: the flow's <c>retry</c> over the node type's
    /// defaults; null when the host's settings apply throughout (or the node does no I/O).
    /// </summary>
    public NodeRetry? Retry { get; init; }

    /// <summary>The children of one port (empty when nothing is connected).</summary>
    public ImmutableArray<BoundNode> ChildrenOf(string port)
    {
        foreach (var branch in Branches)
        {
            if (branch.Port == port)
            {
                return branch.Children;
            }
        }

        return [];
    }
}

/// <summary>The nodes connected to one output port, in edge order.</summary>
/// <param name="Port">The port.</param>
/// <param name="Children">The nodes it feeds.</param>
public sealed record BoundBranch(string Port, ImmutableArray<BoundNode> Children);

/// <summary>The trigger.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">The event's fields.</param>
/// <param name="Event">The event it listens to.</param>
/// <param name="Payload">The event's payload type.</param>
public sealed record BoundTrigger(string Id, Scope Scope, FlowEvent Event, ObjectType Payload) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "event";
}

/// <summary>The filter operations of spec §5.</summary>
public enum FilterOperation
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>contains</c></summary>
    Contains,

    /// <summary><c>notContains</c></summary>
    NotContains,

    /// <summary><c>startsWith</c></summary>
    StartsWith,

    /// <summary><c>endsWith</c></summary>
    EndsWith,

    /// <summary><c>matches</c> (.NET regex with a match timeout)</summary>
    Matches,

    /// <summary><c>empty</c>: null, empty string or empty array.</summary>
    Empty,

    /// <summary><c>notEmpty</c></summary>
    NotEmpty,
}

/// <summary>What a filter compares against.</summary>
public abstract record FilterOperand;

/// <summary>A constant parsed at compile time into the field's type.</summary>
/// <param name="Value">A <see cref="long"/>, <see cref="decimal"/>, <see cref="string"/>, <see cref="bool"/> or UTC <see cref="DateTime"/>.</param>
/// <param name="Kind">The scalar kind the value was parsed as.</param>
/// <param name="Source">The value as written.</param>
public sealed record ConstantOperand(object Value, ScalarKind Kind, string Source) : FilterOperand;

/// <summary>Another field, from a value that is a single hole.</summary>
/// <param name="Path">The other field.</param>
public sealed record FieldOperand(BoundPath Path) : FilterOperand;

/// <summary>Routes to <c>true</c> or <c>false</c>.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Field">The tested field.</param>
/// <param name="Operation">The operation.</param>
/// <param name="OperationText">The operation as written (<c>&gt;=</c>).</param>
/// <param name="Operand">The compared value; null for <c>empty</c>/<c>notEmpty</c>.</param>
/// <param name="IgnoreCase">Whether string comparisons ignore case (ordinal).</param>
/// <param name="Narrowing">The array the <c>true</c> port narrows to its first match, or null.</param>
public sealed record BoundFilter(
    string Id,
    Scope Scope,
    BoundPath Field,
    FilterOperation Operation,
    string OperationText,
    FilterOperand? Operand,
    bool IgnoreCase,
    Narrowing? Narrowing) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "filter";
}

/// <summary>Adds a rendered string.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="As">The new field.</param>
/// <param name="Value">The template.</param>
public sealed record BoundAddField(string Id, Scope Scope, string As, BoundTemplate Value) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "addField";
}

/// <summary>Joins a panel table: one parameterized query.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Table">The table name.</param>
/// <param name="Row">The row type.</param>
/// <param name="Input">The field whose value is looked up.</param>
/// <param name="JoinColumn">The column it is compared with.</param>
/// <param name="As">The new field.</param>
/// <param name="IsSingle">True for a join on <c>id</c> (a row or null), false for an array of rows.</param>
public sealed record BoundDbJoin(
    string Id, Scope Scope, string Table, ObjectType Row, BoundPath Input, FieldSymbol JoinColumn, string As, bool IsSingle)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "dbJoin";
}

/// <summary>An HTTP request built from templates: the REST enricher and the webhook action share it.</summary>
/// <param name="Url">URL template; holes percent-encoded, scheme and host literal.</param>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="ContentType">The body's media type.</param>
/// <param name="Content">Body template, or null.</param>
/// <param name="Headers">Header names and value templates.</param>
public sealed record BoundRequest(
    BoundTemplate Url,
    string Method,
    string ContentType,
    BoundTemplate? Content,
    ImmutableArray<KeyValuePair<string, BoundTemplate>> Headers);

/// <summary>Calls a REST resource and adds its response, typed from <c>exampleResponse</c>.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Request">The request.</param>
/// <param name="Response">The response type.</param>
/// <param name="ExampleJson">The example response (compact JSON), used by dry runs.</param>
/// <param name="As">The new field.</param>
public sealed record BoundRest(string Id, Scope Scope, BoundRequest Request, FlowType Response, string ExampleJson, string As)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "rest";
}

/// <summary>Loads the tags of a server or user.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="ResourceType"><c>server</c> or <c>user</c>.</param>
/// <param name="Input">The field holding the resource id.</param>
/// <param name="As">The new field.</param>
/// <param name="TagType">The type of one tag.</param>
public sealed record BoundLoadTags(string Id, Scope Scope, string ResourceType, BoundPath Input, string As, ObjectType TagType)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "loadTags";
}

/// <summary>Allocates an IPAM address.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Family"><c>ipv4</c> or <c>ipv6</c>.</param>
/// <param name="Node">The Proxmox node, or null.</param>
/// <param name="UserId">The user, or null.</param>
/// <param name="As">The new field.</param>
/// <param name="Output">The allocation's type.</param>
public sealed record BoundIpam(string Id, Scope Scope, string Family, BoundTemplate? Node, BoundTemplate? UserId, string As, ObjectType Output)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "ipam";
}

/// <summary>Sends a mail.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="To">The recipients: each mailbox's display name and address as templates.</param>
/// <param name="Subject">Subject template.</param>
/// <param name="Content">Body template.</param>
/// <param name="Html">Whether the body is HTML.</param>
public sealed record BoundSendMail(string Id, Scope Scope, BoundRecipients To, BoundTemplate Subject, BoundTemplate Content, bool Html)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "sendMail";
}

/// <summary>Sends an HTTP request; a non-2xx answer fails the node.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Request">The request.</param>
public sealed record BoundWebhook(string Id, Scope Scope, BoundRequest Request) : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "webhook";
}

/// <summary>Opens a ticket with its first message.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="Title">Title template.</param>
/// <param name="Priority">low, medium, high or urgent.</param>
/// <param name="CreatorId">Creator template, parsed as an int at run time.</param>
/// <param name="Content">First message template.</param>
/// <param name="As">The field exposing <c>{ id }</c>, or null.</param>
/// <param name="Output">The output type when <paramref name="As"/> is set.</param>
public sealed record BoundCreateTicket(
    string Id, Scope Scope, BoundTemplate Title, string Priority, BoundTemplate CreatorId, BoundTemplate Content, string? As, ObjectType Output)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "createTicket";
}

/// <summary>Changes a VM or container through the Proxmox VE API.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="ServerId">The panel server id template, parsed as an int at run time.</param>
/// <param name="Component">general, network or ha.</param>
/// <param name="Action">The action, e.g. changeVlanTag.</param>
/// <param name="Values">The action's values in canonical order, each a template.</param>
public sealed record BoundModifyServer(
    string Id, Scope Scope, BoundTemplate ServerId, string Component, string Action, ImmutableArray<KeyValuePair<string, BoundTemplate>> Values)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "modifyServer";
}

/// <summary>A flow after binding: the trigger and the tree below it.</summary>
/// <param name="Id">Flow id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Trigger">The trigger, root of the tree.</param>
/// <param name="Nodes">Every bound node in execution order (depth-first).</param>
public sealed record BoundFlow(string Id, string Name, BoundTrigger Trigger, ImmutableArray<BoundNode> Nodes);
