using FlowCompiler.Runtime.Actions.Mail;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// One mailbox a <c>sendMail</c> node sends to: a display name (or none) and exactly one address. The compiler
/// builds recipients from the structure of the <c>to</c> template (spec §4), never by parsing rendered text, so
/// event data in a name stays a name and event data in an address can only ever be one address.
/// </summary>
/// <param name="Name">The display name, or null; any text, quoted when the mail is written.</param>
/// <param name="Address">One valid address, <c>name@example.com</c>.</param>
public sealed record MailRecipient(string? Name, string Address)
{
    /// <summary>
    /// The mailbox a <c>to</c> template with holes renders: <paramref name="address"/> must be exactly one address
    /// (a list, a name or brackets in it fail the node); <paramref name="name"/> is only a name, its line breaks
    /// become spaces, and an empty name is none.
    /// </summary>
    /// <param name="name">The rendered display name, or null when the template has none.</param>
    /// <param name="address">The rendered address.</param>
    /// <exception cref="InvalidMailAddressException">The address is not exactly one valid address; the message says why.</exception>
    public static MailRecipient Parse(string? name, string address) => new(DisplayName(name), MailAddressParser.ParseAddress(address));

    /// <summary>The mailbox as a header writes it: <c>name@example.com</c>, or <c>"Name" &lt;name@example.com&gt;</c>.</summary>
    public override string ToString() =>
        Name is null ? Address : $"\"{Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" <{Address}>";

    private static string? DisplayName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var line = name.AsSpan().IndexOfAny('\r', '\n') < 0 ? name : string.Join(' ', name.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var trimmed = line.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
