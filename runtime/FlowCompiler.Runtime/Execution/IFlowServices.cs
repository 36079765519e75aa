using FlowCompiler.Runtime.Enrichers;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// Everything a compiled flow does outside itself. Generated code renders every template first and passes
/// only finished values, so an implementation never sees a template or the flow's scope.
/// </summary>
public interface IFlowServices
{
    /// <summary><c>dbJoin</c> on <c>id</c>: the row, or null when there is none.</summary>
    Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class;

    /// <summary><c>dbJoin</c> on any other column: every matching row, in id order.</summary>
    Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class;

    /// <summary><c>loadTags</c>: the tags of a server or user.</summary>
    Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct);

    /// <summary><c>ipam</c> with family <c>ipv4</c>: reserves (or, in a dry run, picks) one address.</summary>
    Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct);

    /// <summary><c>ipam</c> with family <c>ipv6</c>: reserves (or, in a dry run, picks) one subnet.</summary>
    Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct);

    /// <summary><c>rest</c>: sends the request and returns the response body (JSON text); non-2xx throws.</summary>
    /// <param name="request">The rendered request.</param>
    /// <param name="exampleResponse">The flow's example answer: what a dry run returns instead of calling out.</param>
    /// <param name="ct">Cancels the request.</param>
    Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct);

    /// <summary><c>webhook</c>: sends the request; a non-2xx answer throws.</summary>
    Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct);

    /// <summary><c>sendMail</c>: sends one message.</summary>
    Task SendMailAsync(MailRequest request, CancellationToken ct);

    /// <summary><c>createTicket</c>: opens a ticket with its first message; returns the ticket id.</summary>
    Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct);

    /// <summary><c>modifyServer</c>: applies one change to a VM or container.</summary>
    Task ModifyServerAsync(ServerChange change, CancellationToken ct);
}
