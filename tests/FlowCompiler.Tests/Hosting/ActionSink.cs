using System.Collections.Concurrent;
using FlowCompiler.Runtime.Enrichers;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Tests.Hosting;

/// <summary>
/// The actions of host tests: mails and webhooks are collected (thread-safe); a mail to a recipient listed
/// in <see cref="Hanging"/> never completes and ignores cancellation, one in <see cref="Throwing"/> fails.
/// The host tests use only mail and webhook nodes.
/// </summary>
internal sealed class ActionSink : IFlowServices
{
    public ConcurrentQueue<MailRequest> Mails { get; } = new();

    public ConcurrentQueue<HttpRequestSpec> Webhooks { get; } = new();

    public HashSet<string> Hanging { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Throwing { get; } = new(StringComparer.Ordinal);

    /// <summary>Released by tests to let hanging mails complete (they still ignore cancellation).</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SendMailAsync(MailRequest request, CancellationToken ct)
    {
        if (Throwing.Contains(request.To.ToString()))
        {
            throw new InvalidOperationException($"SMTP refused {request.To}");
        }

        if (Hanging.Contains(request.To.ToString()))
        {
            return Release.Task;
        }

        Mails.Enqueue(request);
        return Task.CompletedTask;
    }

    public Task SendWebhookAsync(HttpRequestSpec request, CancellationToken ct)
    {
        Webhooks.Enqueue(request);
        return Task.CompletedTask;
    }

    public Task<TRow?> FindRowAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => throw Unused();

    public Task<IReadOnlyList<TRow>> FindRowsAsync<TRow>(DbLookup lookup, CancellationToken ct) where TRow : class => throw Unused();

    public Task<IReadOnlyList<LoadedTag>> LoadTagsAsync(TagLookup lookup, CancellationToken ct) => throw Unused();

    public Task<Ipv4Allocation> AllocateIpv4Async(IpamRequest request, CancellationToken ct) => throw Unused();

    public Task<Ipv6Allocation> AllocateIpv6Async(IpamRequest request, CancellationToken ct) => throw Unused();

    public Task<string> RequestAsync(HttpRequestSpec request, string exampleResponse, CancellationToken ct) => throw Unused();

    public Task<int> CreateTicketAsync(TicketRequest request, CancellationToken ct) => throw Unused();

    public Task ModifyServerAsync(ServerChange change, CancellationToken ct) => throw Unused();

    private static NotSupportedException Unused() => new("host tests use only sendMail and webhook nodes");
}
