using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Builds the MIME message for an <see cref="OutgoingMail"/>, the same for SMTP and the outbox,
/// so an outbox file shows exactly what would have been sent.
/// </summary>
internal sealed class MailComposer
{
    private readonly string fromAddress;
    private readonly string fromName;
    private readonly string fromDomain;

    /// <summary>Checks the sender settings once, so a bad From address fails at startup rather than on every message.</summary>
    /// <exception cref="InvalidOperationException"><see cref="MailOptions.FromAddress"/> is missing or not an address.</exception>
    public MailComposer(MailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new InvalidOperationException(
                "FlowCompiler:Mail:FromAddress is empty: set the address flow mail is sent from, e.g. panel@example.com.");
        }

        MailboxAddress from;
        try
        {
            from = MailAddressParser.ParseMailbox(options.FromAddress);
        }
        catch (InvalidMailAddressException e)
        {
            throw new InvalidOperationException($"FlowCompiler:Mail:FromAddress: {e.Message}", e);
        }

        fromAddress = from.Address;
        fromDomain = from.Domain;
        fromName = SingleLine(options.FromName ?? from.Name ?? "");
    }

    /// <summary>The ready-to-send message, encoded for any server (7-bit, lines of at most 78 characters).</summary>
    /// <exception cref="InvalidMailAddressException">A recipient's address is not valid.</exception>
    public MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage
        {
            MessageId = mail.IdempotencyKey is { } key ? $"{key}@{fromDomain}" : MimeUtils.GenerateMessageId(fromDomain),
            Subject = SingleLine(mail.Subject),
            Body = mail.IsHtml ? HtmlBody(mail.Content) : new TextPart(TextFormat.Plain) { Text = mail.Content },
        };

        // A fresh MailboxAddress per message: address objects keep change handlers of every list they join.
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        foreach (var recipient in mail.To)
        {
            message.To.Add(Mailbox(recipient));
        }

        // RFC 3834: marks the mail as machine-sent, so out-of-office replies do not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // Base64 / quoted-printable for non-ASCII bodies and RFC 2047 words for headers, so no relay has to re-encode.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    // The recipients are structured already: the name is only a name (MimeKit quotes or encodes it), and the
    // address is checked once more by the rule rendered addresses follow, for recipients built by hand.
    private static MailboxAddress Mailbox(Execution.MailRecipient recipient) =>
        new(recipient.Name ?? "", MailAddressParser.ParseAddress(recipient.Address));

    private static MimeEntity HtmlBody(string html) =>
        new BodyBuilder { TextBody = HtmlTextAlternative.From(html), HtmlBody = html }.ToMessageBody();

    // Templates can render line breaks into a header; a subject is one line, so they become spaces.
    private static string SingleLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
