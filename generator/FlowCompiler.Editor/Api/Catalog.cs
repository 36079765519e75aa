using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Model;
using FlowCompiler.Runtime.Events;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Editor.Api;

/// <summary>
/// Everything the page needs to draw its palette and forms, read from the same catalogs the binder uses, so
/// the page never hard-codes a node type, an event or a column.
/// </summary>
/// <param name="Events">Trigger events with their typed fields.</param>
/// <param name="NodeTypes">Node types with their parameters and ports, in the spec's order.</param>
/// <param name="Tables">Panel tables <c>dbJoin</c> may read, with their typed columns.</param>
/// <param name="ServerActions">What <c>modifyServer</c> can change: each action, its component and the values it takes.</param>
public sealed record Catalog(IReadOnlyList<CatalogEvent> Events, IReadOnlyList<CatalogNodeType> NodeTypes, IReadOnlyList<CatalogTable> Tables, IReadOnlyList<CatalogServerAction> ServerActions)
{
    /// <summary>The catalog, built once: it changes only with the engine.</summary>
    public static Catalog Instance { get; } = Build();

    private static Catalog Build() => new(
        [.. FlowEvents.All.Select(e => new CatalogEvent(e.Name, e.Description, ScopeField.Of(EventCatalog.PayloadOf(e))))],
        [.. Generator.Model.NodeTypes.All.Select(CatalogNodeType.From)],
        [.. TableCatalog.Names.Select(t => new CatalogTable(t, ScopeField.Of(TableCatalog.Find(t)!)))],
        [.. Generator.Binding.ServerActions.All.Select(a => new CatalogServerAction(a.Name, a.Component, [.. a.Values.Select(v => new CatalogServerValue(v.Name, v.Description, v.IsInteger, v.IsInteger ? v.Min : null, v.IsInteger ? v.Max : null))]))]);
}

/// <summary>A trigger event.</summary>
/// <param name="Name">As flows name it, e.g. <c>server.created</c>.</param>
/// <param name="Description">When the panel raises it.</param>
/// <param name="Fields">Every path its payload offers.</param>
public sealed record CatalogEvent(string Name, string Description, IReadOnlyList<ScopeField> Fields);

/// <summary>One change <c>modifyServer</c> can make.</summary>
/// <param name="Name">The <c>action</c> parameter, e.g. <c>changeVlanTag</c>.</param>
/// <param name="Component">The <c>component</c> it belongs to.</param>
/// <param name="Values">The parameters it takes.</param>
public sealed record CatalogServerAction(string Name, string Component, IReadOnlyList<CatalogServerValue> Values);

/// <summary>A value a server action takes.</summary>
/// <param name="Name">The parameter, e.g. <c>tag</c>.</param>
/// <param name="Description">What it is.</param>
/// <param name="Integer">Whether it is a whole number.</param>
/// <param name="Min">Its smallest value, for whole numbers.</param>
/// <param name="Max">Its largest value, for whole numbers.</param>
public sealed record CatalogServerValue(string Name, string Description, bool Integer, int? Min, int? Max);

/// <summary>A panel table.</summary>
/// <param name="Name">As <c>dbJoin</c>'s <c>from</c> names it.</param>
/// <param name="Columns">Its columns with their types.</param>
public sealed record CatalogTable(string Name, IReadOnlyList<ScopeField> Columns);

/// <summary>A node type.</summary>
/// <param name="Type">As flows write it, e.g. <c>filter</c>.</param>
/// <param name="Kind"><c>trigger</c>, <c>enricher</c> or <c>action</c>.</param>
/// <param name="Parameters">Its parameters, in the spec's order.</param>
/// <param name="Ports">Its output ports (<c>out</c>; a filter's <c>true</c> and <c>false</c>).</param>
/// <param name="Retry">The members of a <c>retry</c> a node of this type may set, with its defaults; null when it does no I/O.</param>
public sealed record CatalogNodeType(string Type, string Kind, IReadOnlyList<CatalogParameter> Parameters, IReadOnlyList<string> Ports, IReadOnlyList<CatalogRetryMember>? Retry)
{
    internal static CatalogNodeType From(NodeTypeSpec spec) => new(
        spec.Type,
        spec.Kind.ToString().ToLowerInvariant(),
        [.. spec.Parameters.Select(CatalogParameter.From)],
        [.. spec.Ports],
        spec.Retry is { } retry ? CatalogRetryMember.For(retry) : null);
}

/// <summary>One member of a node's <c>retry</c>.</summary>
/// <param name="Name">As flows write it, e.g. <c>attempts</c>.</param>
/// <param name="Description">What it sets.</param>
/// <param name="Integer">Whether it is a whole number.</param>
/// <param name="Min">Its smallest value.</param>
/// <param name="Max">Its largest value.</param>
/// <param name="Default">The node type's default, or null when the host's setting applies.</param>
public sealed record CatalogRetryMember(string Name, string Description, bool Integer, double Min, double Max, double? Default)
{
    internal static IReadOnlyList<CatalogRetryMember> For(NodeRetry defaults) =>
    [
        new("attempts", "Attempts in all, the first included.", true, 1, FlowDocumentReader.MaxRetryAttempts, defaults.Attempts),
        new("initialDelayMs", "The wait after the first failed attempt, in milliseconds.", true, 0, FlowDocumentReader.MaxRetryDelayMs, defaults.InitialDelayMs),
        new("multiplier", "How much longer each next wait is.", false, 1, 10, defaults.Multiplier),
        new("maxDelayMs", "The longest wait, in milliseconds.", true, 0, FlowDocumentReader.MaxRetryDelayMs, defaults.MaxDelayMs),
        new("jitter", "The share of each wait that is random, from 0 to 1.", false, 0, 1, defaults.Jitter),
    ];
}

/// <summary>A node parameter.</summary>
/// <param name="Name">As flows write it.</param>
/// <param name="Kinds">The JSON kinds it takes: <c>string</c>, <c>number</c>, <c>bool</c>, <c>map</c>, <c>json</c>.</param>
/// <param name="Role">What it is, e.g. <c>fieldPath</c>, <c>choice</c>, <c>url</c>, <c>text</c>.</param>
/// <param name="Required">Whether a node must set it.</param>
/// <param name="Template">Whether its text may hold <c>{{ }}</c> holes.</param>
/// <param name="Description">What it is, in a sentence.</param>
/// <param name="Choices">The words it allows, for a choice with a fixed list (tables, columns and server actions come from their own lists).</param>
public sealed record CatalogParameter(string Name, IReadOnlyList<string> Kinds, string Role, bool Required, bool Template, string Description, IReadOnlyList<string> Choices)
{
    internal static CatalogParameter From(ParameterSpec spec) => new(
        spec.Name,
        [.. Enum.GetValues<ParameterKinds>().Where(k => spec.Kinds.HasFlag(k)).Select(k => k.ToString().ToLowerInvariant())],
        char.ToLowerInvariant(spec.Role.ToString()[0]) + spec.Role.ToString()[1..],
        spec.Required,
        spec.Role is ParameterRole.Text or ParameterRole.Url or ParameterRole.Headers or ParameterRole.MailHeader or ParameterRole.Body or ParameterRole.MailBody,
        spec.Description,
        [.. spec.Choices]);
}
