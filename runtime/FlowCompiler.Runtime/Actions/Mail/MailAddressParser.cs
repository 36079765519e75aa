using MimeKit;

namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// Turns rendered address text into mailboxes, refusing anything that is not plainly an address:
/// a recipient comes from event data, so a line break in it could smuggle in extra headers.
/// </summary>
internal static class MailAddressParser
{
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>The mailboxes of a comma-separated recipient list.</summary>
    /// <exception cref="InvalidMailAddressException">The text is empty, has a line break, or holds something that is not an address.</exception>
    public static IReadOnlyList<MailboxAddress> ParseRecipients(string to)
    {
        RejectLineBreaks(to);
        if (string.IsNullOrWhiteSpace(to))
        {
            throw new InvalidMailAddressException(to, "it is empty; check that the 'to' template renders an address");
        }

        if (InternetAddressList.TryParse(Strict, to, out var list) && list.Count > 0)
        {
            return [.. list.Select(address => AsMailbox(address, to))];
        }

        // The list as a whole did not parse: name the first part that does not, so the admin sees which one.
        foreach (var part in to.Split(','))
        {
            ParseMailbox(part.Trim());
        }

        throw new InvalidMailAddressException(to, "expected addresses like name@example.com, separated by commas");
    }

    /// <summary>One mailbox (<c>name@example.com</c> or <c>Name &lt;name@example.com&gt;</c>).</summary>
    /// <exception cref="InvalidMailAddressException">The text is not exactly one address.</exception>
    public static MailboxAddress ParseMailbox(string text)
    {
        RejectLineBreaks(text);
        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || mailbox.LocalPart.Length == 0 || mailbox.Domain.Length == 0)
        {
            throw new InvalidMailAddressException(text, "expected an address like name@example.com");
        }

        return mailbox;
    }

    private static MailboxAddress AsMailbox(InternetAddress address, string text) =>
        address as MailboxAddress
        ?? throw new InvalidMailAddressException(text, "address groups are not supported; list the addresses separated by commas");

    private static void RejectLineBreaks(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new InvalidMailAddressException(
                text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal),
                "it contains a line break");
        }
    }
}
