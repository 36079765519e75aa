using System.Reflection;
using FlowCompiler.Runtime.Catalog;
using FlowCompiler.Runtime.Enrichers;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// Services that touch nothing outside the process: reads come from rows added here, actions only count,
/// <c>rest</c> answers with the flow's example response, <c>ipam</c> hands out addresses from a fixed test range.
/// Used by tests; unlike <see cref="Panel.PanelDryRunFlowServices"/> it makes none of the real services' value checks.
/// Nodes listed in <see cref="FailingNodes"/> throw, to exercise failure isolation.
/// </summary>
public sealed class InMemoryFlowServices : IFlowServices
{
    private readonly Dictionary<string, List<object>> _tables = new(StringComparer.Ordinal);
    private readonly List<(string ResourceType, int ResourceId, LoadedTag Tag)> _tags = [];
    private int _nextTicket = 1000;
    private int _nextAddress = 10;

    /// <summary>Node ids whose service call throws.</summary>
    public HashSet<string> FailingNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request the flow made, reads included, in call order.</summary>
    public List<object> Calls { get; } = [];

    /// <summary>Adds a row to a table (by the table name flows use, e.g. <c>users</c>).</summary>
    public InMemoryFlowServices AddRow(string table, object row)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            _tables[table] = rows = [];
        }

        rows.Add(row);
        return this;
    }

    /// <summary>Adds a tag to a server or user.</summary>
    public InMemoryFlowServices AddTag(string resourceType, int resourceId, string name)
    {
        _tags.Add((resourceType, resourceId, new LoadedTag { Id = _tags.Count + 1, Name = name }));
        return this;
    }

    /// <inheritdoc />
    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class =>
        Task.FromResult(Matching<TRow>(lookup).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class =>
        Task.FromResult<IReadOnlyList<TRow>>([.. Matching<TRow>(lookup)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct)
    {
        Called(lookup.NodeId, lookup);
        return Task.FromResult<IReadOnlyList<LoadedTag>>(
            [.. _tags.Where(t => t.ResourceType == lookup.ResourceType && t.ResourceId == lookup.ResourceId).Select(t => t.Tag)]);
    }

    /// <inheritdoc />
    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct)
    {
        Called(request.NodeId, request);
        var host = _nextAddress++;
        return Task.FromResult(new Ipv4Allocation { Id = host, Ip = $"192.0.2.{host}", Gateway = "192.0.2.1", Subnet = 24 });
    }

    /// <inheritdoc />
    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct)
    {
        Called(request.NodeId, request);
        var subnet = _nextAddress++;
        return Task.FromResult(new Ipv6Allocation { Id = subnet, Ip = $"2001:db8:0:{subnet:x}::", Gateway = "2001:db8::1", Prefix = 64 });
    }

    /// <inheritdoc />
    public Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct)
    {
        Called(request.NodeId, request);
        return Task.FromResult(exampleResponse);
    }

    /// <inheritdoc />
    public Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct) => Done(request.NodeId, request);

    /// <inheritdoc />
    public Task SendMailAsync(MailRequest request, CancellationToken ct) => Done(request.NodeId, request);

    /// <inheritdoc />
    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct)
    {
        Called(request.NodeId, request);
        return Task.FromResult(_nextTicket++);
    }

    /// <inheritdoc />
    public Task ModifyServerAsync(ServerChange change, CancellationToken ct) => Done(change.NodeId, change);

    private Task Done(string nodeId, object request)
    {
        Called(nodeId, request);
        return Task.CompletedTask;
    }

    private void Called(string nodeId, object request)
    {
        Calls.Add(request);
        if (FailingNodes.Contains(nodeId))
        {
            throw new InvalidOperationException($"simulated failure of node \"{nodeId}\"");
        }
    }

    // Test data is small: matching by reflection keeps this fake free of per-table code.
    private IEnumerable<TRow> Matching<TRow>(DbLookup lookup)
    {
        Called(lookup.NodeId, lookup);
        if (!_tables.TryGetValue(lookup.Table, out var rows))
        {
            return [];
        }

        var column = typeof(TRow).GetProperties().FirstOrDefault(p => ColumnName(p) == lookup.Column);
        return column is null
            ? []
            : rows.OfType<TRow>().Where(r => Equals(Convert.ToString(column.GetValue(r), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToString(lookup.Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string ColumnName(PropertyInfo property) =>
        property.GetCustomAttribute<FlowNameAttribute>()?.Name ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
}
