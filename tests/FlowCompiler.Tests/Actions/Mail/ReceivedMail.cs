using MimeKit;

namespace FlowCompiler.Tests.Actions.Mail;

/// <summary>One message as the test SMTP server received it: the envelope, the raw bytes and the parsed message.</summary>
internal sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, string? AuthenticatedUser, byte[] Raw)
{
    public MimeMessage Message { get; } = MimeMessage.Load(new MemoryStream(Raw));
}
