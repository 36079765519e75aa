namespace FlowCompiler.Runtime.Execution;

/// <summary>One mail of a <c>sendMail</c> node.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="To">The recipients, built from the structure of the <c>to</c> template (spec §4).</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Content">Body.</param>
/// <param name="Html">Whether the body is HTML.</param>
public sealed record MailRequest(string NodeId, MailRecipients To, string Subject, string Content, bool Html) : ActionRequest(NodeId)
{
    /// <inheritdoc />
    public override string Type => "sendMail";

    /// <inheritdoc />
    public override IReadOnlyList<KeyValuePair<string, object?>> Parameters =>
        [new("to", To.ToString()), new("subject", Subject), new("content", Content), new("html", Html)];
}
