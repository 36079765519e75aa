using FlowCompiler.Runtime.Actions.Http;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;
using FlowCompiler.Runtime.Persistence.Ipam;
using FlowCompiler.Runtime.Persistence.Lookups;
using FlowCompiler.Runtime.Persistence.Tickets;

namespace FlowCompiler.Runtime.Panel;

/// <summary>
/// The services compiled flows run against in the panel: every enricher and action does its real job. Reads,
/// IPAM and tickets go to the panel database, <c>rest</c> and <c>webhook</c> through <see cref="HttpActionClient"/>
/// (timeouts, retries of idempotent methods), mail through <see cref="IMailSender"/> (SMTP or the <c>.eml</c>
/// outbox), <c>modifyServer</c> through <see cref="ServerModifier"/> (Proxmox VE and the panel database).
/// Every failure is an exception whose message says what to fix; the generated code records it on the node.
/// Thread-safe: one instance serves every run. <see cref="Configuration.FlowRuntimeServiceCollectionExtensions.AddFlowRuntime"/> registers it.
/// </summary>
/// <param name="lookups"><c>dbJoin</c> and <c>loadTags</c>.</param>
/// <param name="ipam"><c>ipam</c>.</param>
/// <param name="tickets"><c>createTicket</c>.</param>
/// <param name="http"><c>rest</c> and <c>webhook</c>.</param>
/// <param name="mail"><c>sendMail</c>.</param>
/// <param name="servers"><c>modifyServer</c>.</param>
public sealed class PanelFlowServices(
    PanelLookups lookups, IpamAllocator ipam, TicketWriter tickets, HttpActionClient http, IMailSender mail, ServerModifier servers)
    : IFlowServices
{
    /// <inheritdoc />
    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => lookups.FindRowAsync<TRow>(lookup, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => lookups.FindRowsAsync<TRow>(lookup, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct) => lookups.LoadTagsAsync(lookup, ct);

    /// <inheritdoc />
    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct) => ipam.AllocateIpv4Async(request, ct);

    /// <inheritdoc />
    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct) => ipam.AllocateIpv6Async(request, ct);

    /// <inheritdoc />
    /// <remarks>The answer must be JSON; the generated code then reads it into the shape of the example response.</remarks>
    public async Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct) =>
        (await http.SendForJsonAsync(request, ct)).GetRawText();

    /// <inheritdoc />
    public Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct) => http.SendAsync(request, ct);

    /// <inheritdoc />
    public Task SendMailAsync(MailRequest request, CancellationToken ct) =>
        mail.SendAsync(new OutgoingMail(request.To, request.Subject, request.Content, request.Html) { IdempotencyKey = request.IdempotencyKey }, ct);

    /// <inheritdoc />
    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct) => tickets.CreateTicketAsync(request, ct);

    /// <inheritdoc />
    public Task ModifyServerAsync(ServerChange change, CancellationToken ct) => servers.ApplyAsync(change, ct);
}
