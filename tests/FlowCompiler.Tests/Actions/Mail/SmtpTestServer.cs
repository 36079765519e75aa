using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace FlowCompiler.Tests.Actions.Mail;

/// <summary>
/// A real SMTP server (the SmtpServer package) inside the test process, on 127.0.0.1 and a port the OS picks.
/// It keeps every message it accepts; disposing it stops it.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    private SmtpTestServer()
    {
    }

    public int Port { get; private set; }

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>Starts the server and waits until it listens.</summary>
    /// <param name="login">When set, the server offers AUTH (over plain text) and requires this user and password.</param>
    /// <param name="refusedRecipient">When set, the server answers RCPT TO for this address with 550.</param>
    public static async Task<SmtpTestServer> StartAsync((string User, string Password)? login = null, string? refusedRecipient = null)
    {
        var server = new SmtpTestServer();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, 0))
                .AllowUnsecureAuthentication(login is not null)
                .AuthenticationRequired(login is not null))
            .Build();

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(server.received));
        services.Add(new RecipientFilter(refusedRecipient));
        if (login is { } credentials)
        {
            services.Add(new Authenticator(credentials.User, credentials.Password));
        }

        server.running = new SmtpServer.SmtpServer(options, services).StartAsync(server.stop.Token);
        server.Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            received.Enqueue(new ReceivedMail(
                Address(transaction.From),
                [.. transaction.To.Select(Address)],
                context.Authentication.IsAuthenticated ? context.Authentication.User : null,
                buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class RecipientFilter(string? refused) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!string.Equals(Address(to), refused, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class Authenticator(string expectedUser, string expectedPassword) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == expectedUser && password == expectedPassword);
    }
}
