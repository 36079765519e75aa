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
            throw new InvalidMailAddressException(to, "it is empty; write at least one address");
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

    /// <summary>
    /// Exactly one bare address (<c>name@example.com</c>), trimmed: what a hole in an address position must render.
    /// A list, a display name, brackets or a comment are refused, so a value can never add a recipient.
    /// </summary>
    /// <exception cref="InvalidMailAddressException">The text is not exactly one address; the message says why.</exception>
    public static string ParseAddress(string text)
    {
        RejectLineBreaks(text);
        var address = text.Trim();
        if (address.Length == 0)
        {
            throw new InvalidMailAddressException(text, "it is empty; check that the field holds an address");
        }

        if (!InternetAddressList.TryParse(Strict, address, out var list) || list.Count == 0)
        {
            throw new InvalidMailAddressException(text, "expected an address like name@example.com");
        }

        if (list.Count > 1)
        {
            throw new InvalidMailAddressException(text, $"it holds {list.Count} addresses where one goes; a field can add only one recipient");
        }

        if (list[0] is not MailboxAddress { Route.Count: 0, LocalPart.Length: > 0, Domain.Length: > 0 } mailbox
            || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Address != address)
        {
            throw new InvalidMailAddressException(text, "expected one address like name@example.com, without a name, brackets or comments");
        }

        return address;
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
