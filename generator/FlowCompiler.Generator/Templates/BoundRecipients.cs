using System.Collections.Immutable;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// A bound <c>to</c> template (spec §4): its mailboxes, each with its display name and its address bound as
/// separate templates, so a hole is decided at compile time to be part of a name or part of one address.
/// </summary>
/// <param name="Source">The template text as written.</param>
/// <param name="Mailboxes">The mailboxes, in order.</param>
public sealed record BoundRecipients(string Source, ImmutableArray<BoundMailbox> Mailboxes)
{
    /// <summary>Every template inside, names before addresses, mailbox by mailbox.</summary>
    public IEnumerable<BoundTemplate> Templates =>
        Mailboxes.SelectMany(m => m.Name is null ? [m.Address] : new[] { m.Name, m.Address });
}

/// <summary>One mailbox of a <c>to</c> template.</summary>
/// <param name="Name">The display name, or null; its holes render text that is only ever a name.</param>
/// <param name="Address">The address; what it renders must be exactly one address.</param>
public sealed record BoundMailbox(BoundTemplate? Name, BoundTemplate Address)
{
    /// <summary>Whether the mailbox is literal text, checked when the flow was bound.</summary>
    public bool IsLiteral => Name is null or { IsConstant: true } && Address.IsConstant;
}
