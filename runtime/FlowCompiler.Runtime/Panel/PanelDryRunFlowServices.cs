using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ipam;
using FlowCompiler.Runtime.Persistence.Lookups;
using FlowCompiler.Runtime.Persistence.Tickets;

namespace FlowCompiler.Runtime.Panel;

/// <summary>
/// A dry run against the panel (spec §6): reads are real (<c>dbJoin</c>, <c>loadTags</c> from the panel database),
/// <c>ipam</c> reports the address it would take without reserving it, <c>rest</c> answers with the flow's example
/// response, and no action is performed — the run's effects record what each would have sent. Every request first
/// goes through the same checks of its values the real services make before they act (<see cref="HttpActionClient.Check"/>,
/// <see cref="TicketWriter.Check"/>, <see cref="ServerModifier.Check"/>; mail recipients are checked as the flow
/// builds them), so a dry run fails a node where the real run would. A ticket that is not opened has id 0. <see cref="Configuration.FlowRuntimeServiceCollectionExtensions.AddFlowRuntime"/> registers it.
/// </summary>
/// <param name="lookups"><c>dbJoin</c> and <c>loadTags</c>.</param>
/// <param name="ipam">Picks addresses without reserving them.</param>
public sealed class PanelDryRunFlowServices(PanelLookups lookups, IpamAllocator ipam) : IFlowServices
{
    /// <inheritdoc />
    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => lookups.FindRowAsync<TRow>(lookup, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => lookups.FindRowsAsync<TRow>(lookup, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct) => lookups.LoadTagsAsync(lookup, ct);

    /// <inheritdoc />
    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct) => ipam.PickIpv4Async(request, ct);

    /// <inheritdoc />
    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct) => ipam.PickIpv6Async(request, ct);

    /// <inheritdoc />
    public Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct)
    {
        HttpActionClient.Check(request);
        return Task.FromResult(exampleResponse);
    }

    /// <inheritdoc />
    public Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct)
    {
        HttpActionClient.Check(request);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>The recipients were checked when the flow built them, as for a real run; nothing else is left to check.</remarks>
    public Task SendMailAsync(MailRequest request, CancellationToken ct) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct)
    {
        TicketWriter.Check(request);
        return Task.FromResult(0);
    }

    /// <inheritdoc />
    public Task ModifyServerAsync(ServerChange change, CancellationToken ct)
    {
        ServerModifier.Check(change);
        return Task.CompletedTask;
    }
}
