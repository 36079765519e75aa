using FlowCompiler.Generator.Templates;

namespace FlowCompiler.Generator.Binding;

/// <summary>Sends a mail.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Scope">What the node sees.</param>
/// <param name="To">The recipients: each mailbox's display name and address as templates.</param>
/// <param name="Subject">Subject template.</param>
/// <param name="Content">Body template.</param>
/// <param name="Html">Whether the body is HTML.</param>
public sealed record BoundSendMail(string Id, Scope Scope, BoundRecipients To, BoundTemplate Subject, BoundTemplate Content, bool Html)
    : BoundNode(Id, Scope)
{
    /// <inheritdoc />
    public override string Type => "sendMail";
}
