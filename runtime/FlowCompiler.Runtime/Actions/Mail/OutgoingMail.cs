namespace FlowCompiler.Runtime.Actions.Mail;

/// <summary>
/// One message a <c>sendMail</c> node sends, with its templates already rendered.
/// </summary>
/// <param name="To">
/// The recipient (<c>noc@example.com</c>), or several separated by commas; a display name is allowed
/// (<c>NOC &lt;noc@example.com&gt;</c>).
/// </param>
/// <param name="Subject">The subject line; line breaks in it are turned into spaces.</param>
/// <param name="Content">The body: plain text, or an HTML document when <paramref name="IsHtml"/> is set.</param>
/// <param name="IsHtml">Whether <paramref name="Content"/> is HTML (the node's <c>html</c> flag).</param>
public sealed record OutgoingMail(string To, string Subject, string Content, bool IsHtml = false);
