namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>How the connection to the SMTP server is encrypted.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text. Only for a relay on the same host or a trusted network (usually port 25).</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; fails if the server does not offer it (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte, "implicit TLS" or SMTPS (usually port 465).</summary>
    Tls,
}
