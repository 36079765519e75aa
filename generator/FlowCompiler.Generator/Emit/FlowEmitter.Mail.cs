using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Emit;

/// <summary>
/// Mail recipients built from the structure the binder found in the <c>to</c> template (spec §4): literal
/// mailboxes as constants, and for each mailbox with holes its display name and its address rendered by
/// separate methods and passed to <c>MailRecipient.Parse</c>, which lets the address be exactly one address.
/// </summary>
public sealed partial class FlowEmitter
{
    /// <summary>The C# expression of a node's <c>MailRecipients</c>.</summary>
    private string RenderRecipients(BoundNode node, BoundRecipients to)
    {
        var single = to.Mailboxes.Length == 1;
        var mailboxes = to.Mailboxes.Select(mailbox =>
        {
            var name = mailbox.Name is null ? "null" : RenderTemplate(node, "to name", mailbox.Name);
            var address = RenderTemplate(node, single && mailbox.Name is null ? "to" : "to address", mailbox.Address);

            // Literal mailboxes were checked when the flow was bound; rendered ones are checked as they are built.
            return mailbox.IsLiteral ? $"new MailRecipient({name}, {address})" : $"MailRecipient.Parse({name}, {address})";
        });
        return $"new MailRecipients({string.Join(", ", mailboxes)})";
    }
}
