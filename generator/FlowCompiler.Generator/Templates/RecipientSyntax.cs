namespace FlowCompiler.Generator.Templates;

/// <summary>One part of a <c>to</c> template with holes, as <see cref="RecipientSplitter"/> finds it.</summary>
internal abstract record RecipientSyntax;

/// <summary>Literal text between mailboxes with holes: one or more addresses the admin wrote.</summary>
/// <param name="Text">The text, entries separated by commas.</param>
internal sealed record LiteralRecipientsSyntax(string Text) : RecipientSyntax;

/// <summary>One mailbox with holes: its display name (quotes removed) and its address (without the brackets).</summary>
/// <param name="Name">The display name, or null when the mailbox has none.</param>
/// <param name="Address">The address.</param>
internal sealed record MailboxSyntax(TemplateSyntax? Name, TemplateSyntax Address) : RecipientSyntax;
