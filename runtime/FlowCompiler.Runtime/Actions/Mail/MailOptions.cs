namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Where flow mail goes and whom it is from. With no <see cref="SmtpHost"/> messages are written as
/// <c>.eml</c> files into <see cref="OutboxDirectory"/> instead of being sent.
/// </summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server's host name or address; <see langword="null"/> or empty to use the outbox.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP server's port; <see langword="null"/> for the usual port of <see cref="Security"/> (25, 587 or 465).</summary>
    public int? SmtpPort { get; set; }

    /// <summary>How the connection is encrypted; STARTTLS unless set.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The SMTP user name; <see langword="null"/> to send without authenticating.</summary>
    public string? Username { get; set; }

    /// <summary>The SMTP password; required with <see cref="Username"/>. Never written into an error message.</summary>
    public string? Password { get; set; }

    /// <summary>The address messages are sent from (<c>panel@example.com</c>). Required.</summary>
    public string FromAddress { get; set; } = "";

    /// <summary>The display name shown with <see cref="FromAddress"/>; <see langword="null"/> for none.</summary>
    public string? FromName { get; set; }

    /// <summary>The folder the outbox writes <c>.eml</c> files into; created when missing. Relative to the host's content root.</summary>
    public string OutboxDirectory { get; set; } = "outbox";

    /// <summary>The longest one SMTP delivery may take, from connecting to the end of the message.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The port used when <see cref="SmtpPort"/> is not set.</summary>
    public int EffectiveSmtpPort => SmtpPort ?? Security switch
    {
        SmtpSecurity.None => 25,
        SmtpSecurity.Tls => 465,
        _ => 587,
    };
}
