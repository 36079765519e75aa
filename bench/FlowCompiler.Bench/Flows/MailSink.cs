using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Bench.Flows;

/// <summary>
/// Services that only keep the last mail and count them: actions cost nothing, so a benchmark measures the
/// flow's own code. Anything but mail is not part of the benchmark flows and fails loudly.
/// </summary>
public sealed class MailSink : IFlowServices
{
    /// <summary>The last mail sent.</summary>
    public MailRequest? LastMail { get; private set; }

    /// <summary>How many mails were sent.</summary>
    public long Mails { get; private set; }

    /// <inheritdoc />
    public Task SendMailAsync(MailRequest request, CancellationToken ct)
    {
        LastMail = request;
        Mails++;
        return Task.CompletedTask;
    }

    /// <summary>Forgets what was sent.</summary>
    public void Clear()
    {
        LastMail = null;
        Mails = 0;
    }

    /// <inheritdoc />
    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => throw Unexpected();

    /// <inheritdoc />
    public Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => throw Unexpected();

    /// <inheritdoc />
    public Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct) => throw Unexpected();

    /// <inheritdoc />
    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct) => throw Unexpected();

    /// <inheritdoc />
    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct) => throw Unexpected();

    /// <inheritdoc />
    public Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct) => throw Unexpected();

    /// <inheritdoc />
    public Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct) => throw Unexpected();

    /// <inheritdoc />
    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct) => throw Unexpected();

    /// <inheritdoc />
    public Task ModifyServerAsync(ServerChange change, CancellationToken ct) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("the benchmark flows only send mail");
}
