namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Delivers the messages of <c>sendMail</c> nodes: over SMTP (<see cref="SmtpMailSender"/>) or into
/// an outbox folder (<see cref="OutboxMailSender"/>). <see cref="MailSenderFactory"/> picks one from
/// <see cref="MailOptions"/>.
/// </summary>
public interface IMailSender
{
    /// <summary>Delivers one message, or throws an exception whose message says what went wrong and what to fix.</summary>
    /// <param name="mail">The rendered message.</param>
    /// <param name="ct">Cancels the delivery.</param>
    /// <exception cref="InvalidMailAddressException">The recipient is not a valid address.</exception>
    /// <exception cref="MailDeliveryException">The message could not be delivered.</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
