namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// A message that could not be delivered. The message says what failed and what to check;
/// it never contains the SMTP password.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The client library's exception, when there is one.</param>
    public MailDeliveryException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
