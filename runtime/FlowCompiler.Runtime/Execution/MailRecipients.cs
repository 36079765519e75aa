using System.Collections;
using FlowCompiler.Runtime.Actions.Mail;

namespace FlowCompiler.Runtime.Execution;

/// <summary>
/// The recipients of one <c>sendMail</c> node, in order: structured mailboxes that the mail senders use as they
/// are (spec §4). Compares by value; <see cref="ToString"/> is the header text an effect shows.
/// </summary>
public sealed class MailRecipients : IReadOnlyList<MailRecipient>, IEquatable<MailRecipients>
{
    private readonly MailRecipient[] _recipients;

    /// <summary>The list of <paramref name="recipients"/>; the array becomes the list (generated code passes a new one).</summary>
    /// <exception cref="ArgumentException">There is no recipient.</exception>
    public MailRecipients(params MailRecipient[] recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Length == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(recipients));
        }

        _recipients = recipients;
    }

    /// <summary>
    /// Parses text an admin wrote, which may list several addresses (<c>noc@example.com, "Ops, Night" &lt;ops@example.com&gt;</c>).
    /// The compiler checks a flow's literal <c>to</c> text with it; never use it for event data.
    /// </summary>
    /// <exception cref="InvalidMailAddressException">The text is empty, has a line break, or holds something that is not an address.</exception>
    public static MailRecipients Parse(string text) =>
        new([.. MailAddressParser.ParseRecipients(text).Select(m => new MailRecipient(string.IsNullOrEmpty(m.Name) ? null : m.Name, m.Address))]);

    /// <inheritdoc />
    public int Count => _recipients.Length;

    /// <inheritdoc />
    public MailRecipient this[int index] => _recipients[index];

    /// <inheritdoc />
    public IEnumerator<MailRecipient> GetEnumerator() => ((IEnumerable<MailRecipient>)_recipients).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(MailRecipients? other) => other is not null && _recipients.AsSpan().SequenceEqual(other._recipients);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MailRecipients);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var recipient in _recipients)
        {
            hash.Add(recipient);
        }

        return hash.ToHashCode();
    }

    /// <summary>The recipients separated by <c>", "</c>, each as <see cref="MailRecipient.ToString"/> writes it.</summary>
    public override string ToString() => _recipients.Length == 1 ? _recipients[0].ToString() : string.Join(", ", (IEnumerable<MailRecipient>)_recipients);
}
