using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// One message a <c>sendMail</c> node sends, with its templates already rendered.
/// </summary>
/// <param name="To">
/// The recipients, already structured (<see cref="MailRecipients"/>): each is used as it is, never parsed again.
/// </param>
/// <param name="Subject">The subject line; line breaks in it are turned into spaces.</param>
/// <param name="Content">The body: plain text, or an HTML document when <paramref name="IsHtml"/> is set.</param>
/// <param name="IsHtml">Whether <paramref name="Content"/> is HTML (the node's <c>html</c> flag).</param>
public sealed record OutgoingMail(MailRecipients To, string Subject, string Content, bool IsHtml = false)
{
    /// <summary>
    /// The durable run's idempotency key of this mail, or null: when set, the <c>Message-ID</c> is made from it, so a
    /// mail sent again by a resumed run carries the same id and a receiving system can tell it is the same message.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
