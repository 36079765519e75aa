namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>Picks the <see cref="IMailSender"/> the options describe.</summary>
public static class MailSenderFactory
{
    /// <summary>
    /// An <see cref="SmtpMailSender"/> when <see cref="MailOptions.SmtpHost"/> is set, otherwise an
    /// <see cref="OutboxMailSender"/> writing into <see cref="MailOptions.OutboxDirectory"/>.
    /// </summary>
    /// <param name="options">The mail settings.</param>
    /// <exception cref="InvalidOperationException">A setting the chosen sender needs is missing or invalid.</exception>
    public static IMailSender Create(MailOptions options) =>
        string.IsNullOrWhiteSpace(options.SmtpHost) ? new OutboxMailSender(options) : new SmtpMailSender(options);
}
