using MailKit.Net.Smtp;
using MailKit.Security;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Sends each message over its own SMTP connection (MailKit): connect, optionally authenticate,
/// send, quit. Flow mail is rare enough that a pooled connection is not worth its failure modes.
/// </summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly MailOptions options;
    private readonly string host;
    private readonly MailComposer composer;
    private readonly SmtpFailureDescription failure;

    /// <summary>Checks the settings and creates the sender.</summary>
    /// <param name="options">The SMTP server, credentials, sender and timeout.</param>
    /// <exception cref="InvalidOperationException">A setting is missing or out of range; the message names it.</exception>
    public SmtpMailSender(MailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            throw new InvalidOperationException("FlowCompiler:Mail:SmtpHost is empty: set the SMTP server's host name, or use the outbox.");
        }

        if (options.EffectiveSmtpPort is < 1 or > 65535)
        {
            throw new InvalidOperationException($"FlowCompiler:Mail:SmtpPort {options.EffectiveSmtpPort} is not a TCP port (1-65535).");
        }

        if (!string.IsNullOrEmpty(options.Username) && options.Password is null)
        {
            throw new InvalidOperationException("FlowCompiler:Mail:Username is set but FlowCompiler:Mail:Password is not: set both, or neither to send without authenticating.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new InvalidOperationException($"FlowCompiler:Mail:Timeout {options.Timeout} must be positive and below 24 days.");
        }

        this.options = options;
        host = options.SmtpHost;
        composer = new MailComposer(options);
        failure = new SmtpFailureDescription(options);
    }

    /// <inheritdoc/>
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var message = composer.Compose(mail);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, options.EffectiveSmtpPort, SocketOptions(options.Security), deadline.Token);
            if (!string.IsNullOrEmpty(options.Username))
            {
                if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
                {
                    throw failure.NoAuthenticationOffered();
                }

                await client.AuthenticateAsync(options.Username, options.Password ?? "", deadline.Token);
            }

            await client.SendAsync(message, deadline.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && failure.Describes(e))
        {
            throw failure.For(e);
        }

        await QuitAsync(client, deadline.Token);
    }

    // The server already accepted the message: a QUIT that fails must not fail the node and invite a resend.
    private static async Task QuitAsync(SmtpClient client, CancellationToken ct)
    {
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or OperationCanceledException or TimeoutException)
        {
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
