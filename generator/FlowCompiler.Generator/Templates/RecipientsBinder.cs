using System.Collections.Immutable;
using FlowCompiler.Generator.Binding;
using FlowCompiler.Generator.Diagnostics;
using FlowCompiler.Runtime.Actions.Mail;
using FlowCompiler.Runtime.Execution;

namespace FlowCompiler.Generator.Templates;

/// <summary>
/// Binds a <c>sendMail</c> <c>to</c> template (spec §4). Literal text may list several addresses and is checked
/// now; a mailbox with holes is split at compile time into its display name and its address, bound as separate
/// templates, so at run time a hole's value can only be part of one name or of one address, never a new recipient.
/// </summary>
public static class RecipientsBinder
{
    /// <summary>Binds <paramref name="text"/>; returns null (with diagnostics) when it is not a usable recipient list.</summary>
    public static BoundRecipients? Bind(string text, Scope scope, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        if (TemplateBinder.Parse(text, nodeId, jsonPath, diagnostics) is not { } syntax)
        {
            return null;
        }

        if (!syntax.HasHoles)
        {
            return Literal(string.Concat(syntax.Segments.Cast<TextPiece>().Select(t => t.Text)), nodeId, jsonPath, diagnostics) is { } mailboxes
                ? new BoundRecipients(text, mailboxes)
                : null;
        }

        var (parts, error) = RecipientSplitter.Split(syntax);
        if (error is not null)
        {
            diagnostics.Error(DiagnosticCodes.InvalidMailAddress, nodeId, jsonPath,
                $"{error}. A hole in 'to' is either a whole display name or part of one address: \"{{{{name}}}}\" <{{{{email}}}}>, or {{{{email}}}}.");
            return null;
        }

        var bound = ImmutableArray.CreateBuilder<BoundMailbox>();
        var ok = true;
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralRecipientsSyntax literal:
                    if (Literal(literal.Text, nodeId, jsonPath, diagnostics) is { } mailboxes)
                    {
                        bound.AddRange(mailboxes);
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case MailboxSyntax mailbox:
                    var name = mailbox.Name is null ? null : TemplateBinder.Bind(mailbox.Name, TemplateContext.MailDisplayName, scope, nodeId, jsonPath, diagnostics);
                    var address = TemplateBinder.Bind(mailbox.Address, TemplateContext.MailAddress, scope, nodeId, jsonPath, diagnostics);
                    if ((mailbox.Name is not null && name is null) || address is null || !IsAddress(address, nodeId, jsonPath, diagnostics))
                    {
                        ok = false;
                        break;
                    }

                    bound.Add(new BoundMailbox(name, address));
                    break;
            }
        }

        return ok ? new BoundRecipients(text, bound.ToImmutable()) : null;
    }

    // Literal text is the admin's own list: parsed now, with the runtime's parser, into checked mailboxes.
    private static ImmutableArray<BoundMailbox>? Literal(string text, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        try
        {
            return [.. MailRecipients.Parse(text).Select(r => new BoundMailbox(r.Name is null ? null : Constant(r.Name), Constant(r.Address)))];
        }
        catch (InvalidMailAddressException e)
        {
            diagnostics.Error(DiagnosticCodes.InvalidMailAddress, nodeId, jsonPath,
                $"{e.Message} Write addresses like noc@example.com or \"NOC\" <noc@example.com>, separated by commas.");
            return null;
        }
    }

    // An address written literally beside a hole in the name is checked now, as the run would check it.
    private static bool IsAddress(BoundTemplate address, string nodeId, string jsonPath, DiagnosticBag diagnostics)
    {
        if (!address.IsConstant)
        {
            return true;
        }

        try
        {
            MailRecipient.Parse(null, string.Concat(address.Segments.OfType<LiteralSegment>().Select(s => s.Text)));
            return true;
        }
        catch (InvalidMailAddressException e)
        {
            diagnostics.Error(DiagnosticCodes.InvalidMailAddress, nodeId, jsonPath, $"{e.Message} Write the address like noc@example.com.");
            return false;
        }
    }

    private static BoundTemplate Constant(string text) => new(text, [new LiteralSegment(text)]);
}
