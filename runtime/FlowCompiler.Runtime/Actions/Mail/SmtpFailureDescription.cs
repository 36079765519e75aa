using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Turns what MailKit throws into a <see cref="MailDeliveryException"/> whose message says what to fix.
/// Messages are built from the settings and the server's reply, never from the password.
/// </summary>
internal sealed class SmtpFailureDescription(MailOptions options)
{
    private string Server => $"SMTP server {options.SmtpHost}:{options.EffectiveSmtpPort}";

    /// <summary>Whether <paramref name="e"/> is a delivery failure this class explains (anything else propagates as it is).</summary>
    public bool Describes(Exception e) =>
        e is SocketException or IOException or TimeoutException or OperationCanceledException or SslHandshakeException
            or AuthenticationException or SmtpCommandException or ProtocolException or ServiceNotAuthenticatedException
            or NotSupportedException;

    /// <summary>The exception to throw when a user name is configured but the server offers no login.</summary>
    public MailDeliveryException NoAuthenticationOffered() => new(
        $"The {Server} offers no authentication on this connection (many servers offer it only after STARTTLS). Set FlowCompiler:Mail:Security to StartTls or Tls, or clear Username and Password if the server relays without a login.");

    /// <summary>The exception to throw for <paramref name="e"/>.</summary>
    public MailDeliveryException For(Exception e) => e switch
    {
        SocketException socket => new(
            $"Could not connect to the {Server}: {socket.Message}. Check FlowCompiler:Mail:SmtpHost and SmtpPort, and that the server is running and reachable.",
            e),
        OperationCanceledException or TimeoutException => new(
            $"The {Server} did not answer within {options.Timeout.TotalSeconds:0.###} s. Check that SmtpHost and SmtpPort point at an SMTP server and that no firewall drops the connection.",
            e),
        SslHandshakeException => new(
            $"The TLS handshake with the {Server} failed. Check FlowCompiler:Mail:Security ({options.Security}): port 465 usually takes Tls, port 587 StartTls; and that the server's certificate is valid for '{options.SmtpHost}'.",
            e),
        NotSupportedException when options.Security == SmtpSecurity.StartTls => new(
            $"The {Server} does not offer STARTTLS. Set FlowCompiler:Mail:Security to Tls if it expects TLS from the start, or None for a plain-text relay you trust.",
            e),
        AuthenticationException => new(
            $"The {Server} rejected the login of user '{options.Username}' ({e.Message.TrimEnd('.')}). Check FlowCompiler:Mail:Username and Password.",
            e),
        ServiceNotAuthenticatedException or SmtpCommandException { StatusCode: SmtpStatusCode.AuthenticationRequired } => new(
            $"The {Server} requires authentication. Set FlowCompiler:Mail:Username and Password.",
            e),
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command => new(
            $"The {Server} refused the recipient '{command.Mailbox?.Address}': {(int)command.StatusCode} {command.Message}",
            e),
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } command => new(
            $"The {Server} refused the sender '{command.Mailbox?.Address}': {(int)command.StatusCode} {command.Message}. Check FlowCompiler:Mail:FromAddress: the server may only relay for its own domains or for the logged-in user.",
            e),
        SmtpCommandException command => new(
            $"The {Server} refused the message: {(int)command.StatusCode} {command.Message}",
            e),
        _ => new($"Sending through the {Server} failed: {e.Message}", e),
    };
}
