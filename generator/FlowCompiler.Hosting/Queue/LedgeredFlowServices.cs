using System.Text.Json;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ledger;

namespace FlowCompiler.Hosting.Queue;

/// <summary>
/// The services one attempt of a durable run calls: every effect carries its idempotency key, an effect the run's
/// ledger already holds is not done again (its stored output is returned instead), and each effect that succeeds is
/// recorded in the ledger. Reads (<c>dbJoin</c>, <c>loadTags</c>) go straight through: they have no effect to repeat.
/// Tickets and IPAM allocations on the panel database write their ledger entry in their own transaction; recording
/// them again here keeps the first entry, and covers services that do not.
/// </summary>
internal sealed class LedgeredFlowServices(IFlowServices inner, Guid runId, IReadOnlyDictionary<string, string?> done, RunLedger ledger) : IFlowServices
{
    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => inner.FindRowAsync<TRow>(lookup, ct);

    public Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => inner.FindRowsAsync<TRow>(lookup, ct);

    public Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct) => inner.LoadTagsAsync(lookup, ct);

    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct) =>
        OnceAsync(request.NodeId, key => inner.AllocateIpv4Async(request with { IdempotencyKey = key }, ct), Json, FromJson<Ipv4Allocation>, ct);

    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct) =>
        OnceAsync(request.NodeId, key => inner.AllocateIpv6Async(request with { IdempotencyKey = key }, ct), Json, FromJson<Ipv6Allocation>, ct);

    public Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct) =>
        OnceAsync(request.NodeId, key => inner.RequestAsync(request with { IdempotencyKey = key }, exampleResponse, ct), body => body, body => body, ct);

    public Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct) =>
        OnceAsync(request.NodeId, key => inner.SendWebhookAsync(request with { IdempotencyKey = key }, ct), ct);

    public Task SendMailAsync(MailRequest request, CancellationToken ct) =>
        OnceAsync(request.NodeId, key => inner.SendMailAsync(request with { IdempotencyKey = key }, ct), ct);

    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct) =>
        OnceAsync(request.NodeId, key => inner.CreateTicketAsync(request with { IdempotencyKey = key }, ct), id => id.ToString(System.Globalization.CultureInfo.InvariantCulture), int.Parse, ct);

    public Task ModifyServerAsync(ServerChange change, CancellationToken ct) =>
        OnceAsync(change.NodeId, key => inner.ModifyServerAsync(change with { IdempotencyKey = key }, ct), ct);

    private async Task<T> OnceAsync<T>(string nodeId, Func<string, Task<T>> effect, Func<T, string> store, Func<string, T> restore, CancellationToken ct)
    {
        if (done.TryGetValue(nodeId, out var output) && output is not null)
        {
            return restore(output);
        }

        var key = IdempotencyKeys.For(runId, nodeId);
        var result = await effect(key).ConfigureAwait(false);
        await ledger.RecordAsync(key, store(result), ct).ConfigureAwait(false);
        return result;
    }

    private async Task OnceAsync(string nodeId, Func<string, Task> effect, CancellationToken ct)
    {
        if (done.ContainsKey(nodeId))
        {
            return;
        }

        var key = IdempotencyKeys.For(runId, nodeId);
        await effect(key).ConfigureAwait(false);
        await ledger.RecordAsync(key, null, ct).ConfigureAwait(false);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json)!;
}
